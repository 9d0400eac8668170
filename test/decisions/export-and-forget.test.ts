import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { exportTables, writeExport } from "../../scripts/export-workstream.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
let out = "";
afterEach(() => {
  h?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
  out = "";
});

async function withDecisions() {
  h = createHarness({ start: "2026-12-01T08:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-01 10:00 for 2 hours Planning");
  await h.say("sam", "/dissent Thursdays are hard for carers");
  await h.say("chris", "/decision Carers' travel is paid from January dissent D-1");
  h.clock.set("2026-12-01T10:30:00Z");
  await h.say("chris", "/decision Meetings move to Thursdays");
  await h.say("sam", "/support Sam's private need: a taxi", "dm");
  await h.bot.deliver();
}

describe("npm run export: decisions and outcomes", () => {
  it("writes the decision log and 'You said, we did' as CSV and Markdown, with no private words", async () => {
    await withDecisions();
    const { tables } = exportTables(h.db, "Medication safety");
    const log = tables.find((t) => t.name === "decisions");
    expect(log?.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      [
        "DC-1",
        "Carers' travel is paid from January",
        "outside a meeting",
        "",
        "M-1 Planning",
        "not yet",
        "D-1",
        "Chris",
      ],
      ["DC-2", "Meetings move to Thursdays", "in a meeting", "M-1 Planning", "", "", "", "Chris"],
    ]);
    const said = tables.find((t) => t.name === "outcomes");
    expect(said?.rows[0]?.slice(0, 3)).toEqual(["dissent", "D-1", "Thursdays are hard for carers"]);
    expect(said?.rows[0]?.[6]).toContain("Decided (DC-1)");

    out = mkdtempSync(join(tmpdir(), "cp-export-dec-"));
    writeExport(h.db, "Medication safety", out);
    const names = readdirSync(out);
    expect(names).toContain("decisions.csv");
    expect(names).toContain("outcomes.csv");
    expect(readFileSync(join(out, "decisions.csv"), "utf8")).toContain("Carers' travel is paid from January");
    const md = readFileSync(join(out, "medication-safety.md"), "utf8");
    expect(md.split("\n")[0]).toContain("decision log and what happened to what members raised");
    expect(md).toContain("## Decision log");
    expect(md).toContain("## You said, we did");
    const outcomesCsv = readFileSync(join(out, "outcomes.csv"), "utf8");
    expect(outcomesCsv).not.toContain("taxi");
    expect(outcomesCsv).not.toContain("Sam");
  });
});

describe("npm run forget: decisions", () => {
  it("removes the words of a decision the forgotten person recorded, and keeps the record", async () => {
    await withDecisions();
    const report = forgetPerson(h.db, "test:chris");
    expect(report.found).toBe(true);
    expect(report.removed["decisions.text"]).toBe(2);
    const list = await h.say("sam", "/decision list");
    expect(list.text).toContain("DC-1");
    expect(list.text).not.toContain("Carers' travel");
    expect(list.text).not.toContain("Meetings move to Thursdays");
  });
});
