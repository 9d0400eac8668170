import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { ReportError, writeReport } from "./programme-report.ts";

/**
 * `npm run report -- --programme <name> [--out <file.html>]` (or `--workstream <name>`): the
 * programme's figures as one self-contained HTML page with charts and a table beside each,
 * readable without JavaScript (PRODUCT.md §14). Default file: ./reports/<name-slug>.html.
 */
const USAGE = 'For example: npm run report -- --programme "Mental health programme" --out report.html';
function readArgs() {
  try {
    return parseArgs({
      options: { programme: { type: "string" }, workstream: { type: "string" }, out: { type: "string" } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    // An option it does not know, or one with no value: said plainly, not as a stack trace.
    const said = error instanceof Error ? error.message.replace(/\.?$/, ".") : "I couldn't read that.";
    console.error(`${said} ${USAGE}`);
    process.exit(2);
  }
}
/** The bot's database, as `npm start` finds it; a report never makes an empty one. */
function databasePath(): string {
  try {
    const path = loadConfig().databasePath;
    if (existsSync(path)) return path;
    console.error(
      `There is no database at ${path}. Set DATABASE_PATH to the bot's database file, the one npm start uses.`,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
  }
  process.exit(2);
}
const values = readArgs();
const db = openDatabase(databasePath());
try {
  migrate(db);
  const file = await writeReport(db, {
    ...(values.programme ? { programme: values.programme } : {}),
    ...(values.workstream ? { workstream: values.workstream } : {}),
    ...(values.out ? { out: values.out } : {}),
    now: new Date(),
  });
  console.log(`Wrote ${file}`);
} catch (error) {
  if (!(error instanceof ReportError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  db.close();
}
