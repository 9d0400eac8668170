import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOUR } from "../../src/domain/time.ts";
import { snapshot } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

// The harness clock starts at Tuesday 1 December 2026, 10am in London (UTC in winter).
let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

/** Moves the clock on an hour at a time to `until`, ticking as the cron would. */
async function runUntil(until: string): Promise<void> {
  const end = new Date(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(HOUR);
    await h.bot.tick();
  }
}

/** The direct messages to Sam that contain these words. */
const toSam = (words: string) => h.gateway.to("test:sam").filter((s) => s.text.includes(words));

describe("/meeting place", () => {
  it("shows a video link with a Join the meeting button in the papers and the day-before reminder, and in /meeting list", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    const reply = await h.say("chris", "/meeting place M-1 https://meet.example.org/medication");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("https://meet.example.org/medication");
    expect(reply.text).toContain("Join the meeting");

    const list = await h.say("sam", "/meeting list");
    expect(list.text).toContain("Where: https://meet.example.org/medication");

    await runUntil("2026-12-09T15:00:00Z");
    const papers = toSam("are ready");
    const reminder = toSam("a reminder that *Medicines review*");
    expect(papers).toHaveLength(1);
    expect(reminder).toHaveLength(1);
    for (const sent of [papers[0], reminder[0]]) {
      expect(sent?.text).toContain("Where: https://meet.example.org/medication");
      expect(sent?.message.blocks).toContainEqual({
        kind: "link",
        label: "Join the meeting",
        url: "https://meet.example.org/medication",
      });
    }
  });

  it("shows a room as written, with no button", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    const reply = await h.say("cora", "/meeting place M-1 Room 4, County Hall");
    expect(reply.error).toBeUndefined();
    await runUntil("2026-12-09T15:00:00Z");
    const reminder = toSam("a reminder that");
    expect(reminder[0]?.text).toContain("Where: Room 4, County Hall");
    expect(reminder[0]?.message.blocks.some((b) => b.kind === "link")).toBe(false);
  });

  it("reads a link the way Slack sends it, in angle brackets", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/meeting place M-1 <https://meet.example.org/x|meet.example.org/x>");
    expect((await h.say("sam", "/meeting list")).text).toContain("Where: https://meet.example.org/x");
  });

  it("brings a papers message still waiting (held overnight) up to date with the place", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    h.clock.set("2026-12-01T21:00:00Z"); // quiet hours: what is sent now waits for the morning
    await h.say("cora", "/papers send M-1");
    await h.say("cora", "/meeting place M-1 Room 4");
    await runUntil("2026-12-02T09:00:00Z");
    const papers = toSam("are ready");
    expect(papers).toHaveLength(1);
    expect(papers[0]?.text).toContain("Where: Room 4");
  });

  it("refuses a link it cannot read, or no place at all, with an example, and changes nothing", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    const before = snapshot(h);
    const bad = await h.say("cora", "/meeting place M-1 https://");
    expect(bad.error).toBe("meeting.place");
    expect(bad.text).toContain("/meeting place M-3 https://meet.example.org/medication");
    const none = await h.say("cora", "/meeting place M-1");
    expect(none.error).toBe("meeting.id");
    expect(none.text).toContain("/meeting place M-3");
    const noId = await h.say("cora", "/meeting place Room 4");
    expect(noId.error).toBe("meeting.id");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses a cancelled meeting", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/meeting cancel M-1");
    const reply = await h.say("cora", "/meeting place M-1 Room 4");
    expect(reply.error).toBe("meeting.not-scheduled");
  });
});

describe("/meeting rename", () => {
  it("gives a meeting a new title, in quotes or not", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    const reply = await h.say("chris", "/meeting rename M-1 Safer medicines at home");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("*Safer medicines at home*");
    expect(reply.text).toContain("*Medicines review*");
    await h.say("chris", '/meeting rename M-1 "for carers, too"');
    expect((await h.say("sam", "/meeting list")).text).toContain("*for carers, too*");
  });

  it("refuses a title over 200 characters, or none, and changes nothing", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    const before = snapshot(h);
    const long = await h.say("cora", `/meeting rename M-1 ${"a".repeat(201)}`);
    expect(long.error).toBe("text.too-long");
    expect(long.text).toContain("200");
    const none = await h.say("cora", "/meeting rename M-1");
    expect(none.error).toBe("meeting.id");
    expect(none.text).toContain("/meeting rename M-3 Medicines review");
    expect(snapshot(h)).toBe(before);
  });

  it("removes control characters and direction overrides from the title", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/meeting rename M-1 Safe\u202E at home");
    expect((await h.say("sam", "/meeting list")).text).toContain("*Safe at home*");
  });
});

describe("/meeting move", () => {
  it("moves a meeting, keeps its length, and tells every member once from when to when", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 for 90m Medicines review");
    await h.bot.deliver();
    h.gateway.clear();
    const reply = await h.say("chris", "/meeting move M-1 2026-12-10 10:00");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Thursday 10 December, 10am to 11:30am");
    await h.bot.deliver();
    for (const who of ["sam", "kim", "lee", "cora"]) {
      const mine = h.gateway.to(`test:${who}`);
      expect(mine, who).toHaveLength(1);
      expect(mine[0]?.text).toContain(
        "*Medicines review* (M-1) has moved from Tuesday 8 December, 2pm to Thursday 10 December, 10am",
      );
    }
    expect(h.gateway.to("test:chris")).toHaveLength(0);
    expect(h.gateway.to(h.channel)).toHaveLength(0);
  });

  it("takes a new length with `for`", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    const reply = await h.say("cora", "/meeting move M-1 next thursday 10am for 1h");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("10am to 11am");
  });

  it("refuses a time that has passed, words after the time, a bad length and no change, and changes nothing", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    const before = snapshot(h);
    expect((await h.say("cora", "/meeting move M-1 2026-11-30 14:00")).error).toBe("meeting.past");
    const extra = await h.say("cora", "/meeting move M-1 2026-12-10 14:00 in the big room");
    expect(extra.error).toBe("clause.unreadable");
    expect(extra.text).toContain("in the big room");
    expect((await h.say("cora", "/meeting move M-1 2026-12-10 14:00 for banana")).error).toBe(
      "meeting.duration",
    );
    expect((await h.say("cora", "/meeting move M-1 2026-12-10")).error).toBe("meeting.time");
    expect((await h.say("cora", "/meeting move M-1 whenever")).error).toBe("meeting.when");
    expect((await h.say("cora", "/meeting move M-1 2026-12-08 14:00")).error).toBe("meeting.unchanged");
    expect((await h.say("cora", "/meeting move M-9 2026-12-10 14:00")).error).toBe("meeting.not-found");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses a cancelled meeting, an ended one, and one whose check-in has opened", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Cancelled one");
    await h.say("cora", "/meeting cancel M-1");
    expect((await h.say("cora", "/meeting move M-1 2026-12-10 14:00")).error).toBe("meeting.not-scheduled");
    await h.say("cora", "/meeting schedule 2026-12-01 11:00 This morning"); // M-2
    h.clock.set("2026-12-01T11:30:00Z");
    await h.say("chris", "/checkin start M-2");
    expect((await h.say("cora", "/meeting move M-2 2026-12-10 14:00")).error).toBe("meeting.check-in-open");
    await h.say("chris", "/meeting end M-2");
    expect((await h.say("cora", "/meeting move M-2 2026-12-10 14:00")).error).toMatch(
      /meeting\.(not-scheduled|check-in-open)/,
    );
  });

  it("sends a moved meeting's papers once, at the new lead time", async () => {
    await h.say("cora", "/meeting schedule 2026-12-22 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    await runUntil("2026-12-10T10:00:00Z");
    await h.say("cora", "/meeting move M-1 2027-01-05 14:00");
    let firstSeen: Date | undefined;
    const end = new Date("2027-01-06T10:00:00Z").getTime();
    while (h.clock.now().getTime() < end) {
      h.clock.advance(HOUR);
      await h.bot.tick();
      if (!firstSeen && toSam("are ready").length > 0) firstSeen = h.clock.now();
    }
    const papers = toSam("are ready");
    expect(papers).toHaveLength(1);
    expect(papers[0]?.text).toContain("Tuesday 5 January, 2pm");
    // Seven days before the new date (the old lead time, 15 December, passed with nothing sent).
    expect(firstSeen?.toISOString()).toBe("2026-12-29T14:00:00.000Z");
    expect(toSam("gentle reminder about the papers")).toHaveLength(1);
  });

  it("does not send papers again when they had gone out before the move", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    await runUntil("2026-12-04T10:00:00Z");
    expect(toSam("are ready")).toHaveLength(1);
    await h.say("cora", "/meeting move M-1 2026-12-17 14:00");
    await runUntil("2026-12-18T10:00:00Z");
    expect(toSam("are ready")).toHaveLength(1);
    expect(toSam("has moved from Thursday 10 December, 2pm to Thursday 17 December, 2pm")).toHaveLength(1);
  });

  it("sends the day-before reminder again for the new date, once, and opens the check-in at the new end", async () => {
    await h.say("cora", "/meeting schedule 2026-12-03 14:00 Medicines review");
    await runUntil("2026-12-02T16:00:00Z");
    expect(toSam("a reminder that")).toHaveLength(1);
    await h.say("cora", "/meeting move M-1 2026-12-10 14:00");
    await runUntil("2026-12-11T10:00:00Z");
    const reminders = toSam("a reminder that");
    expect(reminders).toHaveLength(2);
    expect(reminders[0]?.text).toContain("Thursday 3 December, 2pm");
    expect(reminders[1]?.text).toContain("Thursday 10 December, 2pm");
    const checkIns = toSam("a short check-in after");
    expect(checkIns).toHaveLength(1);
    const opened = h.store.checkIns.byMeeting(h.store.meetings.bySeq(1, 1)?.id ?? 0);
    expect(opened?.openedAt.getTime()).toBeGreaterThanOrEqual(new Date("2026-12-10T16:00:00Z").getTime());
  });

  it("drops a day-before reminder still waiting for the old date, and sends the new one once", async () => {
    await h.say("cora", "/meeting schedule 2026-12-03 09:00 Early meeting");
    h.clock.set("2026-12-02T09:00:00Z");
    await h.bot.tick(); // queued now, outside quiet hours: sent
    h.gateway.clear();
    await h.say("cora", "/meeting move M-1 2026-12-04 09:00");
    await runUntil("2026-12-04T08:30:00Z");
    const reminders = toSam("a reminder that");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain("Friday 4 December, 9am");
  });

  it("sends the one papers reminder at the new time when the meeting moves before it went", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    await runUntil("2026-12-05T10:00:00Z"); // the papers went out on the 3rd
    await h.say("cora", "/meeting move M-1 2026-12-17 14:00");
    let firstSeen: Date | undefined;
    const end = new Date("2026-12-18T10:00:00Z").getTime();
    while (h.clock.now().getTime() < end) {
      h.clock.advance(HOUR);
      await h.bot.tick();
      if (!firstSeen && toSam("gentle reminder about the papers").length > 0) firstSeen = h.clock.now();
    }
    const reminders = toSam("gentle reminder about the papers");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain("Thursday 17 December, 2pm");
    expect(firstSeen?.toISOString()).toBe("2026-12-15T14:00:00.000Z");
  });

  it("does not send the papers reminder again when it had gone before the move", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Medicines review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget");
    await runUntil("2026-12-09T10:00:00Z");
    expect(toSam("gentle reminder about the papers")).toHaveLength(1);
    await h.say("cora", "/meeting move M-1 2026-12-17 14:00");
    await runUntil("2026-12-18T10:00:00Z");
    expect(toSam("gentle reminder about the papers")).toHaveLength(1);
    expect(toSam("are ready")).toHaveLength(1);
  });

  it("can move a meeting that has started but not ended (nobody came), and its check-in waits for the new end", async () => {
    await h.say("cora", "/meeting schedule 2026-12-01 11:00 for 1h Quiet morning");
    h.clock.set("2026-12-01T11:15:00Z");
    const reply = await h.say("chris", "/meeting move M-1 2026-12-08 11:00");
    expect(reply.error).toBeUndefined();
    await runUntil("2026-12-02T10:00:00Z");
    expect(toSam("a short check-in after")).toHaveLength(0);
    await runUntil("2026-12-08T13:00:00Z");
    expect(toSam("a short check-in after")).toHaveLength(1);
  });
});
