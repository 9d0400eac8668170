import { parseArgs } from "node:util";
import { migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { loadConfig } from "../src/config.ts";
import { writeEvaluation } from "./export-evaluation.ts";
import { ExportError, writeExport } from "./export-workstream.ts";

/**
 * `npm run export -- --workstream <name> [--out <dir>]`: the dissent register and parking lot
 * (each with its full history) and the glossary, as CSV and Markdown, for formal progress
 * reviews, with each closed check-in's figures (aggregates only, folded so nobody can be picked
 * out). Default folder: ./exports/<workstream-slug>/. No answer or comment is ever exported.
 * With `--evaluation`, the evaluation report instead (scripts/export-evaluation.ts).
 */
const { values } = parseArgs({
  options: { workstream: { type: "string" }, out: { type: "string" }, evaluation: { type: "boolean" } },
  allowPositionals: false,
});
if (!values.workstream) {
  console.error(
    'Please name the workstream, for example: npm run export -- --workstream "Medication safety"',
  );
  process.exit(2);
}
const db = openDatabase(loadConfig().databasePath);
try {
  migrate(db);
  // --evaluation: the evaluation report instead (PRODUCT.md §13 "Closing").
  const files = (values.evaluation ? writeEvaluation : writeExport)(db, values.workstream, values.out);
  console.log(`Exported ${values.workstream}:\n${files.map((f) => `  ${f}`).join("\n")}`);
} catch (error) {
  if (!(error instanceof ExportError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  db.close();
}
