import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db } from "./open.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies `migrations/NNN-name.sql` in order, each in one transaction, and records each with a
 * checksum. An applied file that has since been edited is refused: the database would no longer
 * match the code that reads it. Returns the names applied now.
 */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Map(
    (
      db.prepare("SELECT name, checksum FROM schema_migrations").all() as { name: string; checksum: string }[]
    ).map((r) => [r.name, r.checksum]),
  );
  // A deploy that copied dist/ without migrations/ gets one plain line, not ENOENT.
  if (!existsSync(dir)) throw new MigrationError(`the database migrations were not found in ${dir}.`);
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort();
  const done: string[] = [];
  for (const file of files) {
    const sql = readFileSync(`${dir}/${file}`, "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = applied.get(file);
    if (previous !== undefined) {
      if (previous !== checksum) {
        throw new MigrationError(
          `Migration ${file} was changed after it was applied to this database. Applied migrations must never be edited: put the change in a new numbered file instead.`,
        );
      }
      continue;
    }
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)").run(
        file,
        checksum,
        Date.now(),
      );
    })();
    done.push(file);
  }
  return done;
}
