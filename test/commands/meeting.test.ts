import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { delivered, sayIn, snapshot } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

// The harness clock starts at Tuesday 1 December 2026, 10am in London.
let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

describe("/meeting schedule", () => {
  it("books a meeting from plain words and answers with the date and time it understood", async () => {
    const reply = await h.say("cora", "/meeting schedule next tuesday 2pm");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("M-1");
    expect(reply.text).toContain("Tuesday 8 December, 2pm");
    expect(reply.text).toContain("/meeting cancel M-1");
  });

  it("books two hours unless told otherwise", async () => {
    const reply = await h.say("cora", "/meeting schedule next tuesday 2pm");
    expect(reply.text).toContain("2pm to 4pm");
  });

  it("books the length asked for with `for 90m`, and uses the words after it as the title", async () => {
    const reply = await h.say("chris", "/meeting schedule next tuesday 2pm for 90m Medicines review");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("2pm to 3:30pm");
    expect(reply.text).toContain("Medicines review");
    expect(reply.text).not.toContain("for 90m");
    const list = await h.say("sam", "/meeting list");
    expect(list.text).toContain("Medicines review");
    expect(list.text).toContain("to 3:30pm");
  });

  it("reads `for 2 hours` and ISO dates too", async () => {
    const reply = await h.say("cora", "/meeting schedule 2026-12-10 14:00 for 2 hours Planning");
    expect(reply.text).toContain("Thursday 10 December, 2pm to 4pm");
    expect(reply.text).toContain("Planning");
  });

  it("numbers meetings M-1, M-2 in each workstream, starting again at M-1 in another", async () => {
    expect((await h.say("cora", "/meeting schedule next tuesday 2pm")).text).toMatch(/^M-1 /);
    expect((await h.say("cora", "/meeting schedule next wednesday 2pm")).text).toMatch(/^M-2 /);
    await sayIn(h, "pat", "/workstream setup Carers forum", "test:#carers");
    const other = await sayIn(h, "pat", "/meeting schedule next thursday 11am", "test:#carers");
    expect(other.error).toBeUndefined();
    expect(other.text).toMatch(/^M-1 /);
    expect((await h.say("cora", "/meeting schedule next friday 2pm")).text).toMatch(/^M-3 /);
  });

  it("announces a new meeting in the workstream's channel", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    const sent = await delivered(h);
    const posts = sent.filter((s) => s.address === h.channel);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain("Medicines review");
    expect(posts[0]?.text).toContain("Tuesday 8 December, 2pm");
  });

  it("refuses a time that has passed, with an example, and books nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("cora", "/meeting schedule 2026-11-30 14:00");
    expect(reply.error).toBe("meeting.past");
    expect(reply.text).toContain("Monday 30 November, 2pm");
    expect(reply.text).toContain("/meeting schedule");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses a date without a time of day, with an example, and books nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("cora", "/meeting schedule 10 December Planning");
    expect(reply.error).toBe("meeting.time");
    expect(reply.text).toContain("time of day");
    expect(reply.text).toContain("/meeting schedule next tuesday 2pm");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses words it cannot read as a date, with an example, and books nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("cora", "/meeting schedule whenever suits everyone");
    expect(reply.error).toBe("meeting.when");
    expect(reply.text).toContain("/meeting schedule next tuesday 2pm");
    expect(reply.text).toContain("2026-12-10 14:00");
    expect(snapshot(h)).toBe(before);
    expect((await h.say("sam", "/meeting list")).text).toContain("No meetings are booked");
  });

  it("refuses a meeting with no length, and books nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("cora", "/meeting schedule next tuesday 2pm for 0m Planning");
    expect(reply.error).toBe("meeting.duration");
    expect(reply.text).toContain("for 90m");
    expect(snapshot(h)).toBe(before);
  });

  it("asks when, with an example, if no time is given at all", async () => {
    const reply = await h.say("cora", "/meeting schedule");
    expect(reply.error).toBeDefined();
    expect(reply.text).toContain("/meeting schedule next tuesday 2pm");
  });
});

describe("/meeting list", () => {
  it("says so when nothing is booked", async () => {
    const reply = await h.say("sam", "/meeting list");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("No meetings are booked");
  });

  it("shows only meetings still to come, soonest first", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Thursday planning"); // M-1
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Tuesday review"); // M-2
    await h.say("cora", "/meeting schedule 2026-12-15 14:00 Cancelled one"); // M-3
    await h.say("cora", "/meeting schedule 2026-12-01 11:00 for 1h This morning"); // M-4
    await h.say("cora", "/meeting cancel M-3");
    h.clock.set("2026-12-01T13:00:00Z"); // M-4 has finished

    const reply = await h.say("sam", "/meeting list");
    const lines = reply.text.split("\n").filter((l) => l.startsWith("•"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("M-2");
    expect(lines[0]).toContain("Tuesday 8 December, 2pm to 4pm");
    expect(lines[1]).toContain("M-1");
    expect(lines[1]).toContain("Thursday 10 December, 2pm");
    expect(reply.text).not.toContain("Cancelled one");
    expect(reply.text).not.toContain("This morning");
  });
});

describe("/meeting cancel", () => {
  it("tells every other member by direct message", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    await h.bot.deliver();
    h.gateway.clear();

    const reply = await h.say("cora", "/meeting cancel M-1");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("M-1");
    expect(reply.text).toContain("cancelled");

    const sent = await delivered(h);
    expect(sent.map((s) => s.address).sort()).toEqual(["test:chris", "test:kim", "test:lee", "test:sam"]);
    const toSam = sent.find((s) => s.address === "test:sam");
    expect(toSam?.text).toContain("Sam");
    expect(toSam?.text).toContain("cancelled");
    expect(toSam?.text).toContain("Tuesday 8 December, 2pm");
    expect(toSam?.text).toContain("Medicines review");
  });

  it("never sends the day-before reminders of a cancelled meeting", async () => {
    await h.say("cora", "/meeting schedule 2026-12-10 14:00 Cancelled review"); // M-1
    await h.say("cora", "/meeting schedule 2026-12-10 15:00 Still on"); // M-2
    await h.say("cora", "/meeting cancel M-1");
    await h.bot.deliver();
    h.gateway.clear();

    h.clock.set("2026-12-09T15:30:00Z"); // within a day of both
    await h.bot.tick();
    await h.bot.deliver();
    const texts = h.gateway.sent.map((s) => s.text);
    // The other meeting's reminders did go out, so the tick really ran.
    expect(texts.filter((t) => t.includes("Still on"))).toHaveLength(5);
    expect(texts.filter((t) => t.includes("Cancelled review") || t.includes("M-1"))).toEqual([]);

    h.clock.set("2026-12-10T13:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("Cancelled review"))).toEqual([]);
  });

  it("refuses to cancel a meeting twice", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm");
    await h.say("cora", "/meeting cancel M-1");
    await h.bot.deliver();
    h.gateway.clear();
    const reply = await h.say("chris", "/meeting cancel M-1");
    expect(reply.error).toBe("meeting.not-scheduled");
    expect(reply.text).toContain("already cancelled");
    expect(await delivered(h)).toEqual([]);
  });

  it("refuses a meeting number that does not exist, pointing to /meeting list", async () => {
    const reply = await h.say("cora", "/meeting cancel M-9");
    expect(reply.error).toBe("meeting.not-found");
    expect(reply.text).toContain("/meeting list");
  });

  it("refuses something that is not a meeting number, with an example", async () => {
    const reply = await h.say("cora", "/meeting cancel tuesday");
    expect(reply.error).toBe("meeting.id");
    expect(reply.text).toContain("/meeting cancel M-3");
  });
});

describe("/meeting end", () => {
  beforeEach(async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
  });

  it("refuses to end a meeting that has not started", async () => {
    const reply = await h.say("chris", "/meeting end M-1");
    expect(reply.error).toBe("meeting.not-started");
    expect(reply.text).toContain("hasn't started");
    expect((await h.say("sam", "/meeting list")).text).toContain("M-1");
  });

  it("refuses /meeting end with no meeting named when none has started", async () => {
    const reply = await h.say("chris", "/meeting end");
    expect(reply.error).toBe("meeting.none-started");
    expect(reply.text).toContain("/meeting end M-3");
  });

  it("lets the chair end the meeting during it", async () => {
    h.clock.set("2026-12-08T15:00:00Z");
    const reply = await h.say("chris", "/meeting end M-1");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("M-1");
    expect(reply.text).toContain("ended");
    expect((await h.say("sam", "/meeting list")).text).not.toContain("M-1");
    expect((await h.say("chris", "/meeting end M-1")).error).toBe("meeting.not-scheduled");
  });

  it("ends the meeting in progress when the chair names none", async () => {
    h.clock.set("2026-12-08T14:10:00Z");
    const reply = await h.say("chris", "/meeting end");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("M-1");
    expect((await h.say("sam", "/meeting list")).text).toContain("No meetings are booked");
  });
});

describe("/quiet", () => {
  it("answers /quiet until next monday with the day, and /quiet off clears it", async () => {
    const reply = await h.say("sam", "/quiet until next monday");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Monday 7 December");
    expect(reply.text).toContain("/quiet off");
    expect(h.store.people.byKey("test:sam")?.quietUntil?.toISOString()).toBe("2026-12-07T00:00:00.000Z");

    const off = await h.say("sam", "/quiet off");
    expect(off.error).toBeUndefined();
    expect(off.text).toContain("back on");
    expect(h.store.people.byKey("test:sam")?.quietUntil).toBeNull();
  });

  it("works in a direct message too", async () => {
    const reply = await h.say("kim", "/quiet until 10 December", "dm");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Thursday 10 December");
    expect(h.store.people.byKey("test:kim")?.quietUntil?.toISOString()).toBe("2026-12-10T00:00:00.000Z");
  });

  it("refuses a date that has passed or cannot be read, with an example", async () => {
    const past = await h.say("sam", "/quiet until yesterday");
    expect(past.error).toBeDefined();
    expect(past.text).toContain("/quiet until next monday");
    const nonsense = await h.say("sam", "/quiet until the cows come home");
    expect(nonsense.error).toBe("time.unreadable");
    expect(nonsense.text).toContain("/quiet until next monday");
    expect(h.store.people.byKey("test:sam")?.quietUntil).toBeNull();
  });

  it("sends no day-before reminder to someone who asked for quiet, but still reminds the others", async () => {
    await h.say("sam", "/quiet until next monday");
    await h.say("cora", "/meeting schedule thursday 2pm Medicines review");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-02T14:30:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const reminded = h.gateway.sent.filter((s) => s.text.includes("Medicines review")).map((s) => s.address);
    expect(reminded.sort()).toEqual(["test:chris", "test:cora", "test:kim", "test:lee"]);
  });
});
