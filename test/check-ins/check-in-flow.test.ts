import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Cora (coordinator), Chris (chair), and members Sam, Ann, Bob, Dee (service users), Kim and
// Lee (carers), Eve (official): eight people get a check-in; the chair gets the summary.
const INVITED = ["cora", "sam", "ann", "bob", "dee", "kim", "lee", "eve"];

async function meetingOfEight() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/workstream add <@ann|Ann> <@bob|Bob> <@dee|Dee> as service-user");
  await h.say("cora", "/workstream add <@eve|Eve> as official");
  // Thursday 3 December, 2pm to 4pm.
  await h.say("chris", "/meeting schedule 2026-12-03 14:00 for 2h Medication review");
  await h.bot.deliver();
  h.clock.set("2026-12-03T14:30:00Z");
  await h.bot.tick();
  h.gateway.clear();
}

const dmsTo = (text: string) =>
  h.gateway.sent
    .filter((s) => s.text.includes(text))
    .map((s) => s.address.replace(/^test:/, ""))
    .sort();

describe("the end-of-meeting check-in", () => {
  it("goes privately to each of the 8 members when the meeting's end time passes, reminds the 3 who didn't answer, and gives the chair a fair summary", async () => {
    await meetingOfEight();
    const drive = checkInDriver(h);

    h.clock.set("2026-12-03T15:59:00Z");
    await h.bot.tick();
    expect(dmsTo("a short check-in after")).toEqual([]);

    h.clock.set("2026-12-03T16:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    expect(dmsTo("a short check-in after")).toEqual([...INVITED].sort());
    expect(h.gateway.sent.filter((s) => s.address === h.channel)).toEqual([]);
    expect(h.gateway.to("test:chris")).toEqual([]);
    drive.look();
    expect(drive.screen("sam")).toContain(
      "Hi Sam — a short check-in after *Medication review* (M-1) on Thursday 3 December",
    );
    expect(drive.screen("sam")).toContain("*Question 1 of 7.* Did you attend?");

    drive.answer("sam", [
      "Yes",
      "Fully",
      "Yes",
      { press: "Write something", fields: { comment: "Thanks for sending the papers early" } },
      "No",
      "No",
      "Share my name",
    ]);
    drive.answer("ann", [
      "Yes",
      "Partly",
      "Partly",
      { press: "Write something", fields: { comment: "I felt rushed at the end" } },
      "Yes",
      "No",
      "Answer anonymously",
    ]);
    drive.answer("bob", ["Yes", "Fully", "Yes", "Nothing to add", "Yes", "No", "Share my name"]);
    drive.press("kim", "No, I couldn't come");
    expect(drive.screen("kim")).toContain(
      "*Question 5 of 7.* Sorry you couldn't come. Would you like a catch-up with the chair",
    );
    drive.answer("kim", ["Yes", "No", "Share my name"]);
    drive.answer("lee", ["Yes", "Not really", "No", "Nothing to add", "No", "No", "Share my name"]);
    expect(drive.screen("ann")).toContain(
      "Thanks, Ann — that's everything. You answered anonymously: your answers are kept with no link to you",
    );
    expect(drive.screen("ann")).toContain("/onetoone request");
    expect(drive.screen("bob")).toContain("The chair will see your answers with your name.");

    const status = await h.say("chris", "/checkin status");
    expect(status.text).toContain("5 of 8 have answered");
    expect(status.text).toContain("Answered: Ann, Bob, Kim, Lee and Sam");
    expect(status.text).toContain("Not yet: Cora, Dee and Eve");
    expect(status.text).not.toMatch(/Fully|rushed|Partly/);

    // A day later (Friday 4pm): one private reminder each, to exactly the three who haven't answered.
    h.gateway.clear();
    h.clock.set("2026-12-04T15:59:00Z");
    await h.bot.tick();
    expect(dmsTo("gentle reminder")).toEqual([]);
    h.clock.set("2026-12-04T16:00:00Z");
    await h.bot.tick();
    h.clock.set("2026-12-05T16:00:00Z");
    await h.bot.tick();
    expect(dmsTo("gentle reminder")).toEqual(["cora", "dee", "eve"]);
    expect(h.gateway.sent.every((s) => s.address !== h.channel)).toBe(true);
    expect(h.gateway.to("test:dee")[0]?.text).toContain("It closes on Sunday 6 December, 4pm");

    // It closes on Sunday 4pm; the summary waits for Monday morning (quiet weekends).
    h.gateway.clear();
    h.clock.set("2026-12-06T16:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toEqual([]);
    h.clock.set("2026-12-07T08:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:chris"]);
    const summary = h.gateway.to("test:chris")[0]?.text ?? "";
    expect(summary).toContain("has closed. 5 of 8 members answered (63%)");
    // Ann's is the only anonymous answer. The chair knows who answered and sees the named
    // answers, so any figure holding hers would be that figure minus theirs: it is held back.
    expect(summary).toContain("1 answer is not shown yet, so that no one can tell who gave it.");
    expect(summary).toContain("Attended: yes 3, no 1");
    expect(summary).toContain("Able to say what they wanted: fully 2, partly 0, not really 1");
    expect(summary).toContain("Felt listened to: yes 2, partly 0, no 1");
    expect(summary).toContain("Would like a one-to-one: yes 2, no 2");
    // Two service users and one carer came: too few for any group of its own.
    expect(summary).not.toContain("by stakeholder group");
    expect(summary).toContain('Sam: "Thanks for sending the papers early"');
    expect(summary).not.toContain("rushed");
    expect(summary).toContain("Bob and Kim would like a one-to-one with you.");
    expect(summary).not.toContain("answered anonymously would also like one");
    expect(summary).not.toContain("Ann");
  });

  it("opens at once when the chair ends the meeting", async () => {
    await meetingOfEight();
    const reply = await h.say("chris", "/meeting end");
    expect(reply.text).toContain("M-1 (*Medication review*) is marked as ended.");
    expect(reply.text).toContain("I've sent it privately to 8 members");
    await h.bot.deliver();
    expect(dmsTo("a short check-in after")).toEqual([...INVITED].sort());
    // The end time passing later changes nothing.
    h.clock.set("2026-12-03T16:30:00Z");
    await h.bot.tick();
    expect(dmsTo("a short check-in after")).toHaveLength(8);
  });

  it("records one answer when a button is clicked twice or the click is delivered again", async () => {
    await meetingOfEight();
    await h.say("chris", "/checkin start");
    await h.bot.deliver();
    const drive = checkInDriver(h);
    drive.look();
    const yes = drive.button("sam", "Yes") as NonNullable<ReturnType<typeof drive.button>>;
    drive.click("sam", yes);
    drive.click("sam", yes); // a double click, or Slack delivering it again
    expect(drive.screen("sam")).toContain("Question 2 of 7");
    const fully = drive.button("sam", "Fully") as NonNullable<ReturnType<typeof drive.button>>;
    drive.click("sam", fully);
    drive.click("sam", fully);
    drive.click("sam", yes); // an old message's button
    expect(drive.screen("sam")).toContain("Question 3 of 7");
    drive.answer("sam", ["Partly", { press: "Write something", fields: { comment: "Good chairing" } }]);
    // The form sent again (a retried submission) does not overwrite or repeat it.
    const again = h.bot.action({
      platform: "test",
      actor: h.person("sam"),
      action: "checkin.comment-sent",
      value: yes.value.split(":")[0] ?? "",
      fields: { comment: "Changed" },
    });
    expect(again.kind).toBe("update");
    drive.answer("sam", ["No", "No", "Share my name"]);
    drive.click("sam", {
      action: "checkin.answer",
      label: "",
      value: `${yes.value.split(":")[0]}:7:anonymous`,
    });

    // While it is open the chair sees how many have answered and nothing else.
    const summary = await h.say("chris", "/checkin summary");
    expect(summary.text).toContain("is still open: 1 of 8 members have answered");
    expect(summary.text).not.toContain("Attended:");
    expect(summary.text).not.toContain("Good chairing");
    h.clock.set("2026-12-06T15:00:00Z");
    await h.bot.tick();
    const closed = await h.say("chris", "/checkin summary");
    expect(closed.text).toContain("Attended: yes 1, no 0");
    expect(closed.text).toContain('Sam: "Good chairing"');
    expect(closed.text).not.toContain("Changed");
    const rows = h.db
      .prepare("SELECT COUNT(*) AS n FROM checkin_answers WHERE completed_at IS NOT NULL")
      .get() as { n: number };
    expect(rows.n).toBe(1);
  });

  it("kindly refuses an answer after the check-in has closed", async () => {
    await meetingOfEight();
    await h.say("chris", "/checkin start");
    await h.bot.deliver();
    const drive = checkInDriver(h);
    drive.look();
    drive.press("sam", "Yes");
    h.clock.set("2026-12-06T14:31:00Z"); // 72 hours on
    await h.bot.tick();
    const late = drive.press("sam", "Fully");
    expect(late.kind).toBe("update");
    expect(drive.screen("sam")).toContain(
      "Thanks — this check-in has closed, but you can still tell the chair anything with `/onetoone request`",
    );
    expect(drive.button("sam", "Fully")).toBeUndefined();
    const summary = await h.say("chris", "/checkin summary");
    expect(summary.text).toContain("0 of 8 members answered");
  });

  it("sends no reminder to someone on /quiet, and holds one that falls in quiet hours until morning", async () => {
    await meetingOfEight();
    await h.say("dee", "/quiet until 2026-12-20", "dm");
    h.clock.set("2026-12-03T19:30:00Z");
    await h.say("chris", "/checkin start M-1"); // 7:30pm: the reminder falls at 7:30pm Friday
    await h.bot.tick();
    h.gateway.clear();
    h.clock.set("2026-12-04T19:30:00Z");
    await h.bot.tick();
    expect(dmsTo("gentle reminder")).toEqual(["cora", "eve", "kim", "lee", "sam", "ann", "bob"].sort());
    expect(dmsTo("gentle reminder")).not.toContain("dee");

    const late = createHarness({ start: "2026-12-01T10:00:00Z" });
    try {
      await seedGroup(late);
      await late.say("chris", "/meeting schedule 2026-12-03 18:00 for 2h Evening meeting");
      late.clock.set("2026-12-03T20:00:00Z"); // it ends at 8pm: quiet hours
      await late.bot.tick();
      expect(late.gateway.sent.filter((s) => s.text.includes("short check-in"))).toHaveLength(0);
      late.clock.set("2026-12-04T08:00:00Z");
      await late.bot.tick();
      expect(late.gateway.sent.filter((s) => s.text.includes("short check-in"))).toHaveLength(4);
    } finally {
      late.cleanup();
    }
  });

  it("lets only the chair open it, see who answered, or see the summary", async () => {
    await meetingOfEight();
    for (const who of ["sam", "cora"]) {
      expect((await h.say(who, "/checkin start")).error).toBe("permission.denied");
    }
    expect((await h.say("chris", "/checkin status")).text).toContain("There hasn't been a check-in here yet");
    expect((await h.say("chris", "/checkin start M-9")).error).toBe("meeting.not-found");
    await h.say("chris", "/checkin start");
    expect((await h.say("chris", "/checkin start M-1")).text).toContain("already open");
  });
});

describe("asking for a one-to-one in the check-in", () => {
  it("reaches the chair at once when the member shares their name, and never names someone who answered anonymously", async () => {
    await meetingOfEight();
    const drive = checkInDriver(h);
    h.clock.set("2026-12-03T16:00:00Z");
    await h.bot.tick();
    drive.look();
    h.gateway.clear();
    drive.answer("bob", ["Yes", "Fully", "Yes", "Nothing to add", "Yes", "No", "Share my name"]);
    drive.answer("ann", ["Yes", "Partly", "Partly", "Nothing to add", "Yes", "No", "Answer anonymously"]);
    await h.bot.deliver();
    const toChair = h.gateway.to("test:chris").map((s) => s.text);
    expect(toChair.filter((t) => t.includes("Bob asked in their check-in for a one-to-one"))).toHaveLength(1);
    expect(toChair.join("\n")).not.toContain("Ann");
    const list = await h.say("chris", "/onetoone");
    expect(list.text.indexOf("Bob")).toBeGreaterThan(-1);
    expect(list.text.indexOf("Bob")).toBeLessThan(list.text.indexOf("Sam"));
  });
});

describe("a meeting that ends on a Friday evening", () => {
  it("sends its check-in on Monday morning, and the one reminder a day after that, not with it", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-04 18:30 for 90m Evening meeting");
    await h.bot.deliver();
    h.gateway.clear();
    for (const at of ["2026-12-04T20:00:00Z", "2026-12-05T12:00:00Z", "2026-12-07T08:00:00Z"]) {
      h.clock.set(at);
      await h.bot.tick();
    }
    const toSam = () => h.gateway.to("test:sam").map((s) => s.text);
    expect(toSam().filter((t) => t.includes("a short check-in after"))).toHaveLength(1);
    expect(toSam().filter((t) => t.includes("gentle reminder"))).toHaveLength(0);
    h.clock.set("2026-12-08T08:00:00Z");
    await h.bot.tick();
    expect(toSam().filter((t) => t.includes("gentle reminder"))).toHaveLength(1);
  });
});
