import { stringify } from "csv-stringify/sync";

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which is never a formula and must stay a number (e.g. "-3"). */
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * A cell as a spreadsheet should read it. Exports hold words members and chairs wrote, and a
 * coordinator opens them in Excel or LibreOffice: text starting like a formula gets a leading
 * apostrophe, which spreadsheets take to mean "text" and do not show, so `=HYPERLINK(…)` is
 * read, never run.
 */
export function spreadsheetCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV file: a header row, then the rows, every cell made safe to open. */
export function csv(columns: string[], rows: string[][]): string {
  return stringify([columns, ...rows].map((row) => row.map(spreadsheetCell)));
}
