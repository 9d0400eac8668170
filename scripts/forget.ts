import { forgetPerson } from "../adapters/sqlite/forget-person.ts";
import { migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { loadConfig } from "../src/config.ts";

/**
 * `npm run forget -- <platform> <user-id>`: erases one person's personal data (PRODUCT.md §10)
 * — names, answers, comments, requests, questions, dissent wording, and every copy of their
 * words in messages and parked items — keeping anonymous counts, and says what it removed (counts
 * by kind, never the words). Safe while the bot runs: one transaction, then the file's free space
 * and write-ahead log are cleared, which holds the bot's writes back for a moment.
 */
const [platform, userId] = process.argv.slice(2);
if (!platform || !userId) {
  console.error("Please say who to forget, for example: npm run forget -- slack U0123ABCD");
  process.exit(2);
}
const db = openDatabase(loadConfig().databasePath);
migrate(db);
const report = forgetPerson(db, `${platform}:${userId}`);
db.close();
if (!report.found) {
  console.log(`No one with the ${platform} id ${userId} is in this database; nothing was changed.`);
  process.exit(0);
}
console.log(`Forgot ${platform} ${userId}. Removed:`);
for (const [what, n] of Object.entries(report.removed)) console.log(`  ${what}: ${n}`);
console.log("Anonymous counts (check-in answers, attendance) were kept.");
if (report.cleared) {
  console.log("Free space in the database file and its write-ahead log were cleared.");
} else {
  console.log(
    "The database was busy, so its write-ahead log could not be cleared yet. Please run this again in a minute.",
  );
  process.exit(1);
}
