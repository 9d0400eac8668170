import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";

export type Db = BetterSqlite3.Database;

/**
 * The driver for this Node.js: better-sqlite3 13 ships prebuilt binaries inside its package
 * but needs Node 22 (on 20 it crashes), while 12 compiles from source on Node 20. Both are
 * installed (13 under the alias `better-sqlite3-13`); each Node loads only the one it can run,
 * so the same node_modules serves a Node 20 and a Node 24 run. The two share one API.
 */
export const DRIVER =
  Number(process.versions.node.split(".")[0]) >= 22 ? "better-sqlite3-13" : "better-sqlite3";

/** The better-sqlite3 `Database` class of {@link DRIVER}; open files through this, not the package. */
export const Database: typeof BetterSqlite3 = createRequire(import.meta.url)(DRIVER);

/**
 * Opens the one SQLite file. WAL lets the scheduler read while a command writes; the busy
 * timeout rides out the odd overlap instead of failing; the file is created readable by its
 * owner only, because it holds people's answers (PRODUCT.md §10); and what is deleted or
 * overwritten is zeroed, not left readable in free space (PRODUCT.md §15).
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
    chmodSync(path, 0o600);
  }
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  // Deleted or overwritten content is zeroed, not left in free space: an anonymous answer
  // moved out of a person's row, or a forgotten person's words, leave nothing behind.
  db.pragma("secure_delete = ON");
  return db;
}
