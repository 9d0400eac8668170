import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../src/messages/message.ts";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const MEMBERS = ["test:cora", "test:chris", "test:sam", "test:kim", "test:lee"];

// Tuesday 1 December 2026, 10:00 in London (GMT). The meeting is Thursday 3 December, 2pm.
async function groupWithMeeting() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  const booked = await h.say("chris", "/meeting schedule 2026-12-03 14:00 Medication review");
  expect(booked.text).toContain("M-1 is booked");
  await h.bot.deliver();
  h.gateway.clear();
}

describe("the day-before meeting reminder", () => {
  it("reaches every member once, the day before, with the meeting's date and time", async () => {
    await groupWithMeeting();
    h.clock.set("2026-12-02T13:55:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(MEMBERS.length);
    await h.bot.tick();
    h.clock.set("2026-12-02T15:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.map((s) => s.address).sort()).toEqual([...MEMBERS].sort());
    const sams = h.gateway.to("test:sam")[0];
    expect(sams?.text).toContain("Hi Sam");
    expect(sams?.text).toContain("*Medication review* (M-1) is on Thursday 3 December, 2pm");
    expect(sams?.text).toContain(`"I'll be there"`);
  });

  it("is not sent to a member who asked for quiet", async () => {
    await groupWithMeeting();
    await h.say("sam", "/quiet until 2026-12-10");
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    expect(h.gateway.to("test:sam")).toHaveLength(0);
    expect(h.gateway.sent).toHaveLength(MEMBERS.length - 1);
  });

  it("is never sent for a cancelled meeting", async () => {
    await groupWithMeeting();
    await h.say("cora", "/meeting cancel M-1");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(0);
  });

  it("stops a reminder already queued when the meeting is cancelled before it goes", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-02 09:00 Early meeting");
    h.clock.set("2026-12-01T21:00:00Z"); // 9pm: due, but held by quiet hours until 08:00
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("reminder"))).toHaveLength(0);
    await h.say("chris", "/meeting cancel M-1");
    h.clock.set("2026-12-02T08:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("reminder"))).toHaveLength(0);
  });

  it("holds a reminder that falls in quiet hours until the morning", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-03 21:00 Evening meeting");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-02T21:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.set("2026-12-03T07:59:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.set("2026-12-03T08:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent).toHaveLength(MEMBERS.length);
  });
});

describe("the day-before reminder, written for the chair", () => {
  // The reminders as sent, kept so the buttons can still be pressed after the gateway is cleared.
  let reminders: Array<{ address: string; text: string; message: Message }> = [];
  const remindersOut = async () => {
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    reminders = [...h.gateway.sent];
  };
  const reminderTo = (who: string) => reminders.find((s) => s.address === `test:${who}`);
  const press = (who: string, label: string) => {
    const found = reminderTo(who)
      ?.message.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : []))
      .find((b) => b.label === label);
    if (!found) throw new Error(`${who} has no "${label}" button`);
    return h.bot.action({ platform: "test", actor: h.person(who), action: found.action, value: found.value });
  };
  const sendApologies = (who: string, note: string) => {
    const opened = press(who, "I can't make it");
    if (opened.kind !== "form") throw new Error("expected the apologies form");
    return h.bot.action({
      platform: "test",
      actor: h.person(who),
      action: opened.form.action,
      value: opened.form.context,
      fields: { note },
    });
  };

  it("doesn't ask the chair to let the chair know", async () => {
    await groupWithMeeting();
    await remindersOut();
    const chris = reminderTo("chris")?.text ?? "";
    expect(chris).not.toContain("Letting the chair know");
    expect(chris).toContain(`Can you come? If not, press "I can't make it" and I'll let Cora know.`);
    expect(reminderTo("sam")?.text).toContain("Can you come? Letting the chair know helps them plan.");
    expect(reminderTo("cora")?.text).toContain("Can you come? Letting the chair know helps them plan.");
  });

  it("tells the coordinator when the only chair can't come, even without a note", async () => {
    await groupWithMeeting();
    await remindersOut();
    const opened = press("chris", "I can't make it");
    expect(opened.kind === "form" && opened.form.intro).toBe(
      "Thanks for letting us know. I'll tell Cora that you can't come.",
    );
    h.gateway.clear();
    sendApologies("chris", "");
    await h.bot.deliver();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:cora"]);
    expect(h.gateway.sent[0]?.text).toContain("Chris can't come to M-1 (*Medication review*).");
    expect(h.gateway.sent[0]?.text).toContain("Only the coordinators see this.");
  });

  it("passes a chair's note to the other chair, not back to themselves", async () => {
    await groupWithMeeting();
    await h.say("cora", "/workstream role <@kim|Kim> chair");
    await remindersOut();
    expect(reminderTo("chris")?.text).toContain(`and I'll let Kim know.`);
    h.gateway.clear();
    sendApologies("chris", "Could you chair it, Kim?");
    await h.bot.deliver();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:kim"]);
    expect(h.gateway.sent[0]?.text).toContain('asked me to pass this on: "Could you chair it, Kim?"');
  });

  it("still passes a member's note to the chair, and nothing without one", async () => {
    await groupWithMeeting();
    await remindersOut();
    h.gateway.clear();
    sendApologies("lee", "");
    await h.bot.deliver();
    expect(h.gateway.sent).toEqual([]);
    sendApologies("sam", "I have a hospital appointment");
    await h.bot.deliver();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:chris"]);
  });
});

describe("after a restart", () => {
  it("sends work that fell due while the bot was down, once", async () => {
    const database = tempDatabase();
    const first = createHarness({ start: "2026-12-01T10:00:00Z", dbPath: database });
    await seedGroup(first);
    await first.say("chris", "/meeting schedule 2026-12-03 14:00 Medication review");
    await first.bot.deliver();
    first.db.close(); // the process stops

    // It comes back two hours after the reminder fell due.
    const second = createHarness({ start: "2026-12-02T16:00:00Z", dbPath: database });
    await second.bot.tick();
    await second.bot.tick();
    const reminders = second.gateway.sent.filter((s) => s.text.includes("a reminder that"));
    expect(reminders.map((r) => r.address).sort()).toEqual([...MEMBERS].sort());
    second.cleanup();
  });

  it("drops a reminder that no longer makes sense, and logs it", async () => {
    const database = tempDatabase();
    const first = createHarness({ start: "2026-12-01T10:00:00Z", dbPath: database });
    await seedGroup(first);
    await first.say("chris", "/meeting schedule 2026-12-03 14:00 Medication review");
    first.db.close();

    // Down until after the meeting began: the reminder is stale.
    const second = createHarness({ start: "2026-12-03T15:00:00Z", dbPath: database });
    await second.bot.tick();
    expect(second.gateway.sent.filter((s) => s.text.includes("a reminder that"))).toHaveLength(0);
    const dropped = second.logs.filter((l) => l.msg.startsWith("dropped a stale message"));
    expect(dropped).toHaveLength(MEMBERS.length);
    expect(String(dropped[0]?.fields.key)).toMatch(/^meeting-reminder:/);
    second.cleanup();
  });
});

describe("messages quiet hours would hold past the moment they are for", () => {
  it("sends a cancellation the evening before an early meeting at once, rather than too late", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-02 07:30 Early meeting");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-01T21:00:00Z");
    await h.say("chris", "/meeting cancel M-1");
    await h.bot.deliver();
    expect(
      h.gateway.sent
        .filter((s) => s.text.includes("has been cancelled"))
        .map((s) => s.address)
        .sort(),
    ).toEqual(["test:cora", "test:kim", "test:lee", "test:sam"]);
  });

  it("refuses to cancel a meeting whose check-in has already started, and says what to do", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 2h Review");
    h.clock.set("2026-12-01T11:30:00Z");
    await h.say("chris", "/checkin start M-1");
    const refused = await h.say("cora", "/meeting cancel M-1");
    expect(refused.error).toBe("meeting.check-in-open");
    expect(refused.text).toContain("`/meeting end M-1`");
    expect(h.store.meetings.bySeq(1, 1)?.status).toBe("scheduled");
  });
});
