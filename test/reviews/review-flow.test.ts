import { afterEach, describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { reviewDriver, scores } from "../helpers/review-driver.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Cora (coordinator, other), Chris (chair, service user), Sam, Ann, Bob, Dee (service users),
// Kim and Lee (carers), Eve (official): nine people, all of whom get the review.
const EVERYONE = ["ann", "bob", "chris", "cora", "dee", "eve", "kim", "lee", "sam"];

async function groupOfNine() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" }); // a Tuesday
  await seedGroup(h);
  await h.say("cora", "/workstream add <@ann|Ann> <@bob|Bob> <@dee|Dee> as service-user");
  await h.say("cora", "/workstream add <@eve|Eve> as official");
  await h.bot.deliver();
  h.gateway.clear();
}

const invited = () =>
  h.gateway.sent
    .filter((s) => s.text.includes("time for") && s.text.includes("review"))
    .map((s) => s.address.replace(/^test:/, ""))
    .sort();

describe("/review start", () => {
  it("sends everyone, chair and coordinator included, a private review and tells the chair when it closes", async () => {
    await groupOfNine();
    const reply = await h.say("chris", "/review start");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("I've sent it privately to 9 people, you included");
    expect(reply.text).toContain("It closes on Tuesday 8 December");
    await h.bot.deliver();
    expect(invited()).toEqual(EVERYONE);
    expect(h.gateway.to(h.channel)).toEqual([]);
    const sam = h.gateway.to("test:sam")[0]?.text ?? "";
    expect(sam).toContain("Hi Sam — time for *Medication safety*'s review");
    expect(sam).toContain("Your answers are anonymous unless you choose to share your name");
    expect(h.gateway.to("test:chris")[0]?.text).toContain(
      "never shown by name, and not in the summary you get",
    );
  });

  it("shows in /mine until answered, then only that it was answered", async () => {
    await groupOfNine();
    await h.say("chris", "/review start");
    await h.bot.deliver();
    const before = await h.say("sam", "/mine", "dm");
    expect(before.text).toContain("The review: when you have a minute. It closes on");
    expect(before.text).toContain("Answer the review");
    reviewDriver(h).answer("sam", scores(3, 3));
    const after = await h.say("sam", "/mine", "dm");
    expect(after.text).toContain("The review: answered. Thank you.");
    expect(after.text).not.toContain("Answer the review");
  });

  it("refuses a second review while one is open, and a member starting one", async () => {
    await groupOfNine();
    await h.say("chris", "/review start");
    const again = await h.say("chris", "/review start");
    expect(again.error).toBe("review.already-open");
    expect(again.text).toContain("A review is already open");
    const member = await h.say("sam", "/review start");
    expect(member.error).toBe("permission.denied");
    expect(member.text).toContain("Only the chair can start a review");
  });

  it("keeps the task and the process apart in one form, anonymous by default, and takes one answer per person", async () => {
    await groupOfNine();
    await h.say("chris", "/review start");
    await h.bot.deliver();
    const drive = reviewDriver(h);
    const form = drive.open("sam");
    expect(form.kind).toBe("form");
    if (form.kind !== "form") return;
    expect(form.form.fields.map((f) => f.label)).toEqual([
      "The task: Are we making progress on what we set out to do?",
      "The task: Is it clear what is expected and by when?",
      "The task: anything you would like to add?",
      "How we work together: Does everyone have a voice?",
      "How we work together: Are disagreements handled well?",
      "How we work together: Are decisions made by the group?",
      "How we work together: Do you have the support you need?",
      "How we work together: anything you would like to add?",
      "Answer anonymously? (yes, unless you choose otherwise)",
    ]);
    const first = drive.answer("sam", scores(5, 4));
    expect(first.kind).toBe("update");
    if (first.kind === "update") expect(renderPlainText(first.message)).toContain("kept without your name");
    // Pressing the old button again, or sending the form twice, changes nothing.
    expect(drive.open("sam").kind).toBe("update");
    const b = drive.buttonFor("sam");
    h.bot.action({
      platform: "test",
      actor: h.person("sam"),
      action: "review.sent",
      value: b.value,
      fields: scores(1, 1),
    });
    const rows = h.db.prepare("SELECT COUNT(*) AS n FROM review_anonymous_answers").get() as { n: number };
    expect(rows.n).toBe(1);
    const incomplete = h.bot.action({
      platform: "test",
      actor: h.person("kim"),
      action: "review.sent",
      value: b.value,
      fields: { progress: "3" },
    });
    expect(incomplete.kind).toBe("reply");
    if (incomplete.kind === "reply")
      expect(renderPlainText(incomplete.message)).toContain("Please choose 1 to 5 for every question");
  });

  it("shows only who has answered while open; reminds the rest once after 3 days (not anyone on /quiet); on close the chair and the coordinator get fair summaries", async () => {
    await groupOfNine();
    await h.say("eve", "/quiet until 2026-12-20", "dm");
    await h.say("chris", "/review start");
    await h.bot.deliver();
    const drive = reviewDriver(h);
    const deeButton = drive.buttonFor("dee");
    for (const who of ["sam", "ann", "bob"]) drive.answer(who, scores(5, 4));
    drive.answer("kim", {
      ...scores(2, 2),
      taskComment: "More notice of deadlines, please",
      anonymous: "no",
    });
    drive.answer("lee", { ...scores(4, 3), processComment: "Good chairing lately" });
    drive.answer("chris", { ...scores(1, 1), processComment: "I feel stretched thin" });
    drive.answer("cora", scores(3, 3));

    await h.say("cora", "/digest now");
    await h.bot.deliver();
    const digest = h.gateway.to("test:cora").at(-1)?.text ?? "";
    expect(digest).toContain("A review is open until Tuesday 8 December, 10am: 7 of 9 have answered so far.");
    expect(digest).not.toContain("out of 5");
    const open = await h.say("chris", "/review summary");
    expect(open.text).toContain("7 of 9 have answered");
    expect(open.text).toContain("Answered so far: Ann, Bob, Chris, Cora, Kim, Lee and Sam");
    expect(open.text).not.toContain("out of 5");
    expect(open.text).not.toContain("More notice");
    const coordinatorView = await h.say("cora", "/review summary");
    expect(coordinatorView.text).toContain("7 of 9 have answered");
    expect(coordinatorView.text).not.toContain("Answered so far");

    h.gateway.clear();
    h.clock.set("2026-12-04T09:59:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("gentle reminder"))).toEqual([]);
    h.clock.set("2026-12-04T10:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    const reminded = h.gateway.sent
      .filter((s) => s.text.includes("A gentle reminder about the review"))
      .map((s) => s.address);
    expect(reminded).toEqual(["test:dee"]);

    h.gateway.clear();
    h.clock.set("2026-12-08T10:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    const chair = h.gateway.to("test:chris").map((s) => s.text);
    const coordinator = h.gateway.to("test:cora").map((s) => s.text);
    expect(chair).toHaveLength(1);
    expect(coordinator).toHaveLength(1);
    expect(h.gateway.to("test:sam")).toEqual([]);
    // The chair's own answers are not in the chair's figures: 6 people, 12 task answers.
    expect(chair[0]).toContain("7 of 9 answered");
    expect(chair[0]).toContain("*The task*\n• Overall: 8 of 12 answers were 4 or 5 out of 5 (67%)");
    expect(chair[0]).toContain(
      "*How we work together*\n• Overall: 12 of 24 answers were 4 or 5 out of 5 (50%)",
    );
    expect(chair[0]).toContain('Kim: "More notice of deadlines, please"');
    expect(chair[0]).toContain('"Good chairing lately"');
    expect(chair[0]).not.toContain("Lee:");
    expect(chair[0]).not.toContain("I feel stretched thin");
    // By group, the carers and Cora would leave two anonymous answers on their own: no breakdown.
    expect(chair[0]).not.toContain("Service users:");
    // Coordinators get aggregates, the chair's answers folded in, and no names; Cora's own are
    // left out (she could take them away from a total), as the chair's are from the chair's.
    expect(coordinator[0]).toContain("*The task*\n• Overall: 8 of 12 answers were 4 or 5 out of 5 (67%)");
    expect(coordinator[0]).toContain(
      "*How we work together*\n• Overall: 12 of 24 answers were 4 or 5 out of 5 (50%)",
    );
    expect(coordinator[0]).toContain("Your own answers are not included here.");
    expect(coordinator[0]).toContain('"I feel stretched thin"');
    // Without Cora's, the groups beside the service users would leave two: no breakdown.
    expect(coordinator[0]).not.toContain("Service users:");
    expect(coordinator[0]).not.toContain("Kim:");
    // Late answers are refused kindly.
    const late = h.bot.action({ platform: "test", actor: h.person("dee"), ...deeButton });
    expect(late.kind).toBe("update");
    if (late.kind === "update") expect(renderPlainText(late.message)).toContain("This review has closed");
  });

  it("shows trends across reviews in /review summary, and the digest shows the latest two headline figures", async () => {
    await groupOfNine();
    const drive = reviewDriver(h);
    for (const [at, task, process] of [
      ["2026-12-01T10:00:00Z", 2, 2],
      ["2027-01-05T10:00:00Z", 5, 4],
    ] as const) {
      h.clock.set(at);
      await h.say("chris", "/review start");
      await h.bot.deliver();
      for (const who of ["sam", "ann", "bob", "kim"]) drive.answer(who, scores(task, process));
      h.clock.set(new Date(new Date(at).getTime() + 8 * 86_400_000));
      await h.bot.tick();
    }
    const summary = await h.say("cora", "/review summary");
    expect(summary.text).toContain("Over time");
    expect(summary.text).toContain("The task: ▁█ — Tuesday 1 December: 0%; Tuesday 5 January: 100%.");
    expect(summary.text).toContain("How we work together: ▁█");
    const member = await h.say("sam", "/review summary");
    expect(member.error).toBe("permission.denied");
    h.gateway.clear();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    const digest = h.gateway
      .to("test:cora")
      .map((s) => s.text)
      .join("\n");
    expect(digest).toContain("Reviews");
    expect(digest).toContain("The task: 8 of 8 answers were 4 or 5 out of 5 (100%) (the review before: 0%).");
    expect(digest).toContain(
      "How we work together: 16 of 16 answers were 4 or 5 out of 5 (100%) (the review before: 0%).",
    );
  });
});
