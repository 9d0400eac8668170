import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { reviewDriver, scores } from "../helpers/review-driver.ts";

const harnesses: Array<ReturnType<typeof createHarness>> = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.cleanup();
});

type Answer = { who: string; fields: Record<string, string> };

/**
 * One review in Chris's workstream (Chris chair; Cora coordinator; Sam, Ann service users; Kim,
 * Lee carers), answered as given, then closed. Returns what the chair and the coordinator read.
 */
async function reviewWith(answers: Answer[]) {
  const h = createHarness({ start: "2026-12-01T10:00:00Z" });
  harnesses.push(h);
  await seedGroup(h);
  await h.say("cora", "/workstream add <@ann|Ann> as service-user");
  await h.say("chris", "/review start");
  await h.bot.deliver();
  const drive = reviewDriver(h);
  for (const a of answers) drive.answer(a.who, a.fields);
  const whileOpen = (await h.say("chris", "/review summary")).text;
  h.gateway.clear();
  h.clock.set("2026-12-08T10:00:00Z");
  await h.bot.tick();
  const closedChair = h.gateway.to("test:chris").map((s) => s.text);
  const closedCoordinator = h.gateway.to("test:cora").map((s) => s.text);
  const later = (await h.say("chris", "/review summary")).text;
  return { h, whileOpen, chair: closedChair.join("\n"), coordinator: closedCoordinator.join("\n"), later };
}

const chairOwn = { who: "chris", fields: { ...scores(1, 1), processComment: "Chair here: I am exhausted" } };
const kimNamed = { who: "kim", fields: { ...scores(3, 3), anonymous: "no" } };

describe("a chair who knows who answered, and their own answers", () => {
  it("cannot tell what one anonymous member answered: the chair's summary is the same whatever Sam said", async () => {
    const low = await reviewWith([
      chairOwn,
      kimNamed,
      { who: "sam", fields: { ...scores(1, 1), taskComment: "Too slow" } },
    ]);
    const high = await reviewWith([chairOwn, kimNamed, { who: "sam", fields: scores(5, 5) }]);
    expect(low.chair).toEqual(high.chair);
    expect(low.later).toEqual(high.later);
    expect(low.chair).toContain("1 answer is not shown yet, so that no one can tell who gave them");
    expect(low.chair).not.toContain("Too slow");
  });

  it("cannot use their own answer to reach the 3 anonymous answers that would show: with two members anonymous, their figures stay hidden", async () => {
    // Chris + Sam + Ann anonymous would be three; Chris's own are left out of Chris's view,
    // so Sam's and Ann's are held back rather than shown as "the total minus mine".
    const a = await reviewWith([
      chairOwn,
      { who: "sam", fields: scores(1, 1) },
      { who: "ann", fields: scores(2, 2) },
    ]);
    const b = await reviewWith([
      chairOwn,
      { who: "sam", fields: scores(5, 5) },
      { who: "ann", fields: scores(4, 4) },
    ]);
    expect(a.chair).toEqual(b.chair);
    expect(a.chair).toContain("2 answers are not shown yet");
    expect(a.chair).not.toContain("I am exhausted");
    // The coordinators see the three together, as totals.
    expect(a.coordinator).toContain("*The task*\n• Overall: 0 of 6 answers were 4 or 5 out of 5 (0%)");
    expect(a.coordinator).not.toEqual(b.coordinator);
  });

  it("sees nothing but how many have answered while the review is open", async () => {
    const a = await reviewWith([
      kimNamed,
      { who: "sam", fields: scores(1, 1) },
      { who: "ann", fields: scores(1, 1) },
      { who: "lee", fields: scores(1, 1) },
    ]);
    const b = await reviewWith([
      kimNamed,
      { who: "sam", fields: scores(5, 5) },
      { who: "ann", fields: scores(5, 5) },
      { who: "lee", fields: scores(5, 5) },
    ]);
    expect(a.whileOpen).toEqual(b.whileOpen);
    expect(a.whileOpen).toContain("4 of 6 have answered");
    expect(a.whileOpen).not.toContain("out of 5");
    // Once closed, three anonymous answers may count.
    expect(a.chair).not.toEqual(b.chair);
  });
});

describe("a coordinator, who sees aggregates only", () => {
  it("sees no figure and no comment from fewer than 3 answers", async () => {
    const { coordinator } = await reviewWith([
      kimNamed,
      { who: "sam", fields: { ...scores(1, 1), taskComment: "Too slow" } },
    ]);
    expect(coordinator).toContain("2 of 6 answered");
    expect(coordinator).not.toContain("Too slow");
    expect(coordinator).not.toContain("Average");
    expect(coordinator).toContain("2 answers are not shown yet");
  });

  it("cannot take their own answers away from a figure of three to learn the other two: coordinators' own are left out of what they read", async () => {
    // Cora + Sam + Ann: three answers, so a total would show; but Cora knows her own, and the
    // total minus hers would be Sam's and Ann's together. So Cora's view leaves hers out.
    const coraOwn = { who: "cora", fields: { ...scores(3, 3), taskComment: "Coordinator here" } };
    const a = await reviewWith([
      coraOwn,
      { who: "sam", fields: scores(5, 5) },
      { who: "ann", fields: scores(5, 5) },
    ]);
    const b = await reviewWith([
      coraOwn,
      { who: "sam", fields: scores(1, 2) },
      { who: "ann", fields: scores(2, 1) },
    ]);
    expect(a.coordinator).toEqual(b.coordinator);
    expect(a.coordinator).toContain("2 answers are not shown yet");
    expect(a.coordinator).toContain("Your own answers are not included here.");
    const later = async (run: typeof a) => (await run.h.say("cora", "/review summary")).text;
    expect(await later(a)).toEqual(await later(b));
    // The chair, who did not give Cora's answers, sees the three together, without names.
    expect(a.chair).toContain("*The task*\n• Overall: 4 of 6 answers were 4 or 5 out of 5 (67%)");
    expect(a.chair).not.toEqual(b.chair);
  });
});

describe("what the database keeps of an anonymous review answer", () => {
  it("has no person, no time and no order that ties it to who answered", async () => {
    const { h } = await reviewWith([
      { who: "sam", fields: { ...scores(2, 4), taskComment: "Sam's own words" } },
      { who: "ann", fields: scores(3, 3) },
      { who: "lee", fields: scores(4, 2) },
    ]);
    const columns = (
      h.db.prepare("SELECT name FROM pragma_table_info('review_anonymous_answers')").all() as Array<{
        name: string;
      }>
    ).map((c) => c.name);
    expect(columns.filter((c) => /person|at$|time|name/.test(c))).toEqual([]);
    const mine = h.db
      .prepare(
        `SELECT a.* FROM review_answers a JOIN people p ON p.id = a.person_id WHERE p.key = 'test:sam'`,
      )
      .get() as Record<string, unknown>;
    expect(mine.answered_at).not.toBeNull();
    for (const col of [
      "progress",
      "clarity",
      "voice",
      "disagreements",
      "decisions",
      "support",
      "task_comment",
      "process_comment",
    ])
      expect(mine[col]).toBeNull();
    const ids = h.db.prepare("SELECT id FROM review_anonymous_answers").pluck().all() as number[];
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => id > 1000)).toBe(true);
    const texts = h.db.prepare("SELECT task_comment FROM review_anonymous_answers").pluck().all();
    expect(texts).toContain("Sam's own words");
  });

  it("forgetting a person erases their named review comments", async () => {
    const { h } = await reviewWith([
      { who: "kim", fields: { ...scores(3, 3), taskComment: "Kim's words", anonymous: "no" } },
    ]);
    const { forgetPerson } = await import("../../adapters/sqlite/forget-person.ts");
    const report = forgetPerson(h.db, "test:kim");
    expect(report.removed["review_answers.task_comment"]).toBe(1);
    expect(
      h.db.prepare("SELECT task_comment FROM review_answers WHERE task_comment IS NOT NULL").pluck().all(),
    ).toEqual(["[removed]"]);
  });
});
