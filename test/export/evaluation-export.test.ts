import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { evaluationTables, writeEvaluation } from "../../scripts/export-evaluation.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { reviewDriver, scores } from "../helpers/review-driver.ts";

let h: ReturnType<typeof createHarness>;
let out: string;
afterEach(() => {
  h?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

const SECRETS = [
  "The chair talks over carers",
  "Please slow down",
  "Sam",
  "Kim",
  "Lee",
  "Chris",
  "Cora",
  "Ann",
];

/** A meeting with its check-in, a review and the final evaluation, dissent and parked items. */
async function closedWorkstream() {
  h = createHarness({ start: "2026-11-30T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/workstream add <@ann|Ann> as carer");
  await h.say("chris", "/meeting schedule 2026-12-01 09:00 Medication review");
  h.clock.set("2026-12-01T11:00:00Z");
  await h.bot.tick();
  const check = checkInDriver(h);
  check.look();
  for (const who of ["sam", "kim", "lee"])
    check.answer(who, ["Yes", "Fully", "Yes", "Nothing to add", "No", "No", "Answer anonymously"]);
  h.clock.set("2026-12-04T12:00:00Z");
  await h.bot.tick();

  await h.say("chris", "/review start");
  await h.bot.deliver();
  const review = reviewDriver(h);
  review.answer("sam", { ...scores(5, 4), taskComment: "The chair talks over carers" });
  review.answer("kim", scores(4, 2));
  review.answer("lee", scores(2, 2));
  review.answer("ann", scores(5, 5));
  review.answer("chris", { ...scores(1, 1), processComment: "Please slow down" });
  h.clock.set("2026-12-12T12:00:00Z");
  await h.bot.tick();

  await h.say("chris", "/dissent <@sam|Sam> The rota is unsafe");
  await h.say("kim", "/dissent Carers were not asked");
  await h.say("kim", "/dissent withdraw D-2");
  await h.say("chris", "/park D-1 revisit 2027-01-10");
  await h.say("chris", "/parked resolve P-1 Night rota changed");
  await h.say("cora", "/park Room bookings");
  await h.say("cora", "/decision The board moved the night rota outside dissent D-1");
}

describe("npm run export -- --evaluation", () => {
  it("writes the evaluation report as Markdown and CSV: involvement, check-in and review trends, dissent, decisions, parked items — aggregates only", async () => {
    await closedWorkstream();
    out = mkdtempSync(join(tmpdir(), "cp-eval-"));
    const files = writeEvaluation(h.db, "medication safety", out);
    expect(readdirSync(out).sort()).toEqual([
      "check-in-trends.csv",
      "decisions.csv",
      "dissent-register.csv",
      "involvement.csv",
      "medication-safety-evaluation.md",
      "outcomes.csv",
      "parked-items.csv",
      "review-trends-by-group.csv",
      "review-trends.csv",
    ]);
    expect(files).toHaveLength(9);
    const md = readFileSync(join(out, "medication-safety-evaluation.md"), "utf8");
    for (const heading of [
      "# Medication safety: evaluation report (aggregates only)",
      "## Involvement over time",
      "## Check-in trends",
      "## Reviews: answers of 4 or 5 out of 5",
      "## Dissent register",
      "## Decisions and outcomes",
      "## Parked items and how each ended",
    ])
      expect(md).toContain(heading);
    const csv = (name: string) => readFileSync(join(out, `${name}.csv`), "utf8");
    expect(csv("involvement")).toContain("M-1 Medication review,2026-12-01,6,5,3,3");
    expect(csv("check-in-trends")).toContain("M-1 Medication review,2026-12-01,100%,100%,0");
    // Five answered, the chair's answers folded in: 6 of 10 task answers, 8 of 20 process ones.
    const reviews = csv("review-trends");
    expect(reviews).toContain("2026-12-04,Review (started by the chair),6,5,60%,40%");
    expect(csv("parked-items")).toContain(
      "P-1,The rota is unsafe,resolved,Night rota changed,2026-12-12,2026-12-12,0",
    );
    expect(csv("parked-items")).toContain("P-2,Room bookings,still parked");
    expect(csv("dissent-register")).toContain("waiting for the member to confirm,resolved,1");
    expect(csv("dissent-register")).toContain("withdrawn,not parked,1");
    // The decision as the group's record (who recorded it left out), made outside, not yet brought.
    expect(csv("decisions")).toContain("DC-1,The board moved the night rota,2026-12-12,no,not yet,1");
    // What members raised: what happened to each, never the words they raised it in.
    expect(csv("outcomes")).toContain("parked,P-2,2026-12-12,open,");
    expect(csv("outcomes")).not.toContain("Carers were not asked");
    // No names, answers or comments anywhere.
    const everything = [md, ...readdirSync(out).map((f) => readFileSync(join(out, f), "utf8"))].join("\n");
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it("folds review figures like every other figure: two answers show nothing", async () => {
    h = createHarness({ start: "2026-11-30T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/review start");
    await h.bot.deliver();
    const review = reviewDriver(h);
    review.answer("sam", scores(5, 5));
    review.answer("kim", scores(1, 1));
    h.clock.set("2026-12-08T12:00:00Z");
    await h.bot.tick();
    const { tables } = evaluationTables(h.db, "Medication safety");
    const trends = tables.find((t) => t.name === "review-trends");
    expect(trends?.rows).toEqual([
      ["2026-11-30", "Review (started by the chair)", "5", "2", "", "", "", "", "", "", "", ""],
    ]);
  });
});
