import { afterEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

/**
 * PRODUCT.md §13 and §15 for `/groundrules ask`: the chair knows who was asked, sees who
 * answered (the count while open), and reads named answers with names. An anonymous answer
 * must still not be traceable to the person who gave it.
 */

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const EXTRA = ["ann", "bob", "dee"];

async function askedGroup() {
  h?.cleanup();
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say(
    "cora",
    `/workstream add ${EXTRA.map((p) => `<@${p}|${p[0]?.toUpperCase()}${p.slice(1)}>`).join(" ")}`,
  );
  await h.say("chris", "/groundrules ask");
  await h.bot.deliver();
  const drive = checkInDriver(h);
  drive.look();
  return (who: string, fields: Record<string, string>) => {
    drive.press(who, "Answer the questions");
    drive.submit(who, fields);
  };
}

async function closedSummary(): Promise<string> {
  h.clock.set("2026-12-08T10:00:00Z");
  await h.bot.tick();
  const summary = h.gateway.to("test:chris").find((s) => s.text.includes("What members said"));
  expect(summary, "the chair got the summary").toBeDefined();
  return summary?.text ?? "";
}

describe("ground-rules answers the chair could try to attribute", () => {
  it("holds back anonymous answers while fewer than 3 were given to a question, though the chair knows who answered", async () => {
    const answer = await askedGroup();
    answer("sam", { q2: "Sam says take turns", share: "share" });
    answer("kim", { q2: "Kim says a talking stick", share: "anonymous" });
    answer("lee", { q2: "Lee says smaller groups", share: "anonymous" });
    const text = await closedSummary();
    expect(text).toContain("3 of 7 members answered");
    expect(text).toContain('Sam: "Sam says take turns"');
    expect(text).not.toContain("talking stick");
    expect(text).not.toContain("smaller groups");
    expect(text).toContain("Some anonymous answers are not shown, so that no one can tell who gave them");
  });

  it("shows 3 or more anonymous answers to a question without names, and holds back a question only 1 of them answered", async () => {
    const answer = await askedGroup();
    answer("sam", { q2: "Take turns", share: "share" });
    answer("kim", { q2: "A talking stick", q5: "Kim's only answer to five", share: "anonymous" });
    answer("lee", { q2: "Smaller groups", share: "anonymous" });
    answer("ann", { q2: "Written comments first", share: "anonymous" });
    const text = await closedSummary();
    for (const said of ["A talking stick", "Smaller groups", "Written comments first"]) {
      expect(text).toContain(`"${said}"`);
      expect(text).not.toMatch(new RegExp(`(Kim|Lee|Ann): "${said}"`));
    }
    expect(text).not.toContain("Kim's only answer to five");
    expect(text).toContain("Some anonymous answers are not shown, so that no one can tell who gave them");
    // Nothing says which question it was, nor how many: that would tell what Kim chose to answer.
    expect(text).not.toMatch(/\d anonymous answers? (is|are) not shown/);
    const five = text.slice(text.indexOf("5. How will"), text.indexOf("6. How will"));
    const six = text.slice(text.indexOf("6. How will"), text.indexOf("7. What"));
    expect(five.replace(/^5\. [^\n]*/, "")).toBe(six.replace(/^6\. [^\n]*/, ""));
  });

  it("lists anonymous answers in the same order whoever wrote them and whenever they came", async () => {
    const texts = ["Meet in person first", "Name badges please", "Start with a story"];
    const runs: string[] = [];
    // Who wrote which, and in what order, differ between the runs: by name (Ann, Kim, Lee) or
    // by time, the order would change.
    for (const order of [
      [
        ["kim", 0],
        ["lee", 1],
        ["ann", 2],
      ],
      [
        ["lee", 2],
        ["ann", 0],
        ["kim", 1],
      ],
    ] as const) {
      const answer = await askedGroup();
      for (const [who, i] of order) answer(who, { q1: texts[i] ?? "", share: "anonymous" });
      const text = await closedSummary();
      runs.push(text.slice(text.indexOf("1. How will")));
    }
    expect(runs[1]).toBe(runs[0]);
  });

  it("shows nothing but how many have answered while the questions are open, however often the chair looks", async () => {
    const answer = await askedGroup();
    for (const [who, said] of [
      ["kim", "A talking stick"],
      ["lee", "Smaller groups"],
      ["ann", "Written comments first"],
    ] as const) {
      answer(who, { q2: said, share: "anonymous" });
      const now = await h.say("chris", "/groundrules summary");
      expect(now.text).not.toContain(said);
      expect(now.text).toContain("You'll see what they said when it closes");
    }
  });

  it("keeps an anonymous answer in a row tied to no one: no person, no time, no group, and no sequence", async () => {
    const answer = await askedGroup();
    answer("kim", { q1: "Kim anonymous one", q2: "Kim anonymous two", share: "anonymous" });
    answer("sam", { q1: "Sam named", share: "share" });
    const columns = h.db
      .prepare("SELECT name FROM pragma_table_info('ground_rules_anonymous_answers')")
      .pluck()
      .all();
    expect(columns).toEqual(["id", "round_id", "question", "answer"]);
    const kim = h.store.people.byKey("test:kim")?.id;
    expect(
      h.db.prepare("SELECT COUNT(*) FROM ground_rules_answers WHERE person_id = ?").pluck().get(kim),
    ).toBe(0);
    // The invite says only that Kim answered.
    expect(
      h.db
        .prepare("SELECT answered_at IS NOT NULL FROM ground_rules_invites WHERE person_id = ?")
        .pluck()
        .get(kim),
    ).toBe(1);
    const ids = h.db
      .prepare("SELECT id FROM ground_rules_anonymous_answers ORDER BY id")
      .pluck()
      .all() as number[];
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => id > 1000)).toBe(true);
    // Nothing anywhere in the database puts Kim's person id beside those words.
    const named = h.db
      .prepare("SELECT COUNT(*) FROM ground_rules_answers WHERE answer LIKE 'Kim anonymous%'")
      .pluck()
      .get();
    expect(named).toBe(0);
  });

  it("forgetting someone removes the answers they gave with their name; agreed ground rules are the group's and stay", async () => {
    const answer = await askedGroup();
    answer("sam", { q1: "Sam named answer", share: "share" });
    answer("kim", { q1: "Kim anonymous answer", share: "anonymous" });
    await h.say("chris", "/groundrules set 1 We start every meeting with a round of names");
    // The chair's summary, already sent, carries Sam's words.
    await closedSummary();
    const inOutbox = () =>
      h.db.prepare("SELECT COUNT(*) FROM outbox WHERE instr(message, 'Sam named answer') > 0").pluck().get();
    expect(inOutbox()).toBe(1);
    const report = forgetPerson(h.db, "test:sam");
    expect(inOutbox()).toBe(0);
    expect(report.removed["ground_rules_answers.answer"]).toBe(1);
    expect(h.db.prepare("SELECT answer FROM ground_rules_answers").pluck().all()).toEqual(["[removed]"]);
    expect(h.db.prepare("SELECT answer FROM ground_rules_anonymous_answers").pluck().all()).toEqual([
      "Kim anonymous answer",
    ]);
    forgetPerson(h.db, "test:chris");
    expect(h.db.prepare("SELECT answer FROM ground_rules_agreed").pluck().all()).toEqual([
      "We start every meeting with a round of names",
    ]);
  });
});
