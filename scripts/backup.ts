import { chmodSync } from "node:fs";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { loadConfig } from "../src/config.ts";

/**
 * `npm run backup -- <file>`: a consistent copy of the live database, taken online (the bot
 * may keep running). To restore, stop the bot and copy the file back to DATABASE_PATH.
 */
const target = process.argv[2];
if (!target) {
  console.error("Please say where to write the backup, for example: npm run backup -- backups/2026-12-01.db");
  process.exit(2);
}
const db = openDatabase(loadConfig().databasePath);
await db.backup(target);
// The copy holds the same personal data as the original: owner-only, like it.
chmodSync(target, 0o600);
db.close();
console.log(`Backed up to ${target}.`);
