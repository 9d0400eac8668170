import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

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
