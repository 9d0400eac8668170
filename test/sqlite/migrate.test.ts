import { copyFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "cp-migrations-"));
  for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
  return dir;
}

describe("the database", () => {
  it("is created readable by its owner only, in WAL mode with foreign keys on", () => {
    const path = join(mkdtempSync(join(tmpdir(), "cp-db-")), "nested", "bot.db");
    const db = openDatabase(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(Number(db.pragma("busy_timeout", { simple: true }))).toBeGreaterThan(0);
    db.close();
  });

  it("applies each migration once and records it with a checksum", () => {
    const db = openDatabase(":memory:");
    const first = migrate(db);
    expect(first).toContain("001-initial.sql");
    expect(migrate(db)).toEqual([]);
    const rows = db.prepare("SELECT name, checksum FROM schema_migrations").all() as { checksum: string }[];
    expect(rows).toHaveLength(first.length);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses to start when an applied migration was edited, saying which", () => {
    const dir = copyOfMigrations();
    const db = openDatabase(":memory:");
    migrate(db, dir);
    writeFileSync(join(dir, "001-initial.sql"), `-- edited\n${readdirSync(dir).length}`, { flag: "a" });
    expect(() => migrate(db, dir)).toThrow(MigrationError);
    expect(() => migrate(db, dir)).toThrow(/001-initial\.sql was changed after it was applied/);
  });

  it("rolls a failing migration back whole, recording nothing", () => {
    const dir = copyOfMigrations();
    writeFileSync(join(dir, "999-broken.sql"), "CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;");
    const db = openDatabase(":memory:");
    expect(() => migrate(db, dir)).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
    expect(tables).toEqual([]);
    const recorded = db.prepare("SELECT name FROM schema_migrations WHERE name = '999-broken.sql'").all();
    expect(recorded).toEqual([]);
  });
});

describe("a deploy without its migrations", () => {
  it("stops with one plain line naming where they were looked for", () => {
    const dir = mkdtempSync(join(tmpdir(), "cp-nomig-"));
    const db = openDatabase(join(dir, "bot.db"));
    const missing = join(dir, "migrations");
    expect(() => migrate(db, missing)).toThrow(MigrationError);
    expect(() => migrate(db, missing)).toThrow(`the database migrations were not found in ${missing}.`);
    db.close();
  });
});
