import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportTables, writeExport } from "../../scripts/export-workstream.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
let out: string;
afterEach(() => {
  h?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** A register and a parking lot with some history, and a check-in comment that must never leak. */
async function busyWorkstream() {
  h = createHarness({ start: "2026-11-30T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-01 09:00 Medication review");
  h.clock.set("2026-12-01T10:00:00Z");
  await h.say("chris", '/dissent <@sam|Sam> The rota is unsafe, "really"');
  await h.bot.deliver();
  const confirm = h.gateway
    .to("test:sam")
    .flatMap((s) => s.message.blocks)
    .flatMap((b) => (b.kind === "buttons" ? b.buttons : []));
  const edit = confirm.find((b) => b.label === "Edit the wording");
  if (!edit) throw new Error("no edit button");
  h.bot.action({
    platform: "test",
    actor: h.person("sam"),
    action: "dissent.edited",
    value: edit.value,
    fields: { view: "The rota is unsafe,\nfor night staff" },
  });
  await h.say("kim", "/dissent Carers were not asked");
  await h.say("kim", "/dissent withdraw D-2");
  await h.say("chris", "/park D-1 revisit 2027-01-10 owner <@lee|Lee>");
  await h.say("chris", "/parked revisit P-1 2027-02-01");
  await h.say("cora", "/park Room bookings");
  await h.say("cora", "/parked drop P-2 Sorted | by email");
  // A private check-in comment, written straight into the check-in tables (when this database
  // has them), that the export must never contain.
  const hasCheckins = h.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'checkin_answers'").get();
  if (hasCheckins) {
    const at = Date.parse("2026-12-01T11:00:00Z");
    h.db
      .prepare(
        "INSERT INTO checkins (id, meeting_id, workstream_id, opened_at, remind_at, closes_at) VALUES (1, 1, 1, ?, ?, ?)",
      )
      .run(at, at, at);
    h.db
      .prepare(
        `INSERT INTO checkin_answers (checkin_id, person_id, grp, listened, comment, invited_at, updated_at)
         SELECT 1, id, 'carer', 'no', ?, ?, ? FROM people WHERE key = 'test:kim'`,
      )
      .run(SECRET, at, at);
  }
  return Boolean(hasCheckins);
}

const SECRET = "I felt ignored by the chair today";

describe("npm run export", () => {
  it("contains every dissent and parked item with its full history", async () => {
    await busyWorkstream();
    const { tables } = exportTables(h.db, "medication safety");
    const table = (name: string) => tables.find((t) => t.name === name);
    expect(table("dissent")?.rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ["D-1", "Sam", "The rota is unsafe,\nfor night staff", "confirmed", "M-1 Medication review"],
      ["D-2", "Kim", "Carers were not asked", "withdrawn", "M-1 Medication review"],
    ]);
    expect(table("dissent-history")?.rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ["D-1", "recorded", "Chris", ""],
      ["D-1", "edited", "Sam", 'The rota is unsafe, "really"'],
      ["D-2", "recorded", "Kim", ""],
      ["D-2", "withdrawn", "Kim", ""],
    ]);
    expect(table("parking-lot")?.rows.map((r) => [r[0], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ["P-1", "Lee", "2027-02-01", "parked", "", "D-1"],
      ["P-2", "Cora", "", "dropped", "Sorted | by email", ""],
    ]);
    expect(table("parking-lot-history")?.rows.map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
      ["P-1", "parked", "", "2027-01-10"],
      ["P-1", "revisit-changed", "2027-01-10", "2027-02-01"],
      ["P-2", "parked", "", ""],
      ["P-2", "dropped", "", ""],
    ]);
  });

  it("writes CSV and Markdown files, quoting what needs quoting, and no check-in answer", async () => {
    expect(await busyWorkstream()).toBe(true);
    out = mkdtempSync(join(tmpdir(), "cp-export-"));
    const files = writeExport(h.db, "Medication safety", out);
    const names = readdirSync(out).sort();
    expect(names).toContain("dissent.csv");
    expect(names).toContain("dissent-history.csv");
    expect(names).toContain("parking-lot.csv");
    expect(names).toContain("parking-lot-history.csv");
    expect(names).toContain("medication-safety.md");
    expect(names).toContain("check-ins.csv");
    expect(files).toHaveLength(names.length);
    const csv = readFileSync(join(out, "dissent-history.csv"), "utf8");
    expect(csv).toContain('"The rota is unsafe, ""really"""');
    expect(csv).toContain('"The rota is unsafe,\nfor night staff"');
    const md = readFileSync(join(out, "medication-safety.md"), "utf8");
    expect(md).toContain("## Dissent register: history");
    expect(md).toContain("| P-2 | Room bookings |");
    expect(md).toContain("Sorted \\| by email");
    expect(md).toContain("The rota is unsafe,<br>for night staff");
    const everything = names.map((n) => readFileSync(join(out, n), "utf8")).join("\n");
    expect(everything).toContain("Carers were not asked");
    expect(everything).not.toContain(SECRET);
    // That check-in never closed: it has no figures yet.
    expect(readFileSync(join(out, "check-ins.csv"), "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("exports each closed check-in's figures, folded so that nobody can be picked out, and no names", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Medication review");
    h.clock.set("2026-12-01T12:30:00Z");
    await h.bot.tick();
    const drive = checkInDriver(h);
    drive.look();
    const answer = (who: string, listened: string, name: string) =>
      drive.answer(who, ["Yes", "Fully", listened, "Nothing to add", "No", "No", name]);
    answer("sam", "Yes", "Share my name");
    answer("kim", "No", "Answer anonymously");
    answer("lee", "Yes", "Share my name");
    answer("cora", "Yes", "Share my name");
    h.clock.set("2026-12-05T12:30:00Z");
    await h.bot.tick();
    const { tables } = exportTables(h.db, "Medication safety");
    const totals = tables.find((t) => t.name === "check-ins");
    expect(totals?.rows).toEqual([
      ["M-1 Medication review", "2026-12-01", "4", "4", "4", "0", "4", "0", "0", "3", "0", "1", "0"],
    ]);
    // One service user, two carers, one coordinator: any group shown beside the total would
    // leave one or two people as the rest, so there are none.
    expect(tables.find((t) => t.name === "check-ins-by-group")?.rows).toEqual([]);
    expect(JSON.stringify(tables.filter((t) => t.name.startsWith("check-ins")))).not.toMatch(
      /Sam|Kim|Lee|Cora/,
    );
  });

  it("refuses a workstream that does not exist", async () => {
    await busyWorkstream();
    expect(() => exportTables(h.db, "Nope")).toThrow('There is no workstream called "Nope".');
  });
});
