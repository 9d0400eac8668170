import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { snapshot } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

// The harness clock starts at Tuesday 1 December 2026, 10am in London.
let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

const starts = () =>
  h.store.meetings
    .upcoming(h.store.workstreams.byChannel(h.channel)?.id ?? 0, h.clock.now())
    .map((m) => m.startsAt.toISOString());

describe("/meeting repeat", () => {
  it("books a meeting every 2 weeks, each its own M-n, and answers with every date", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 for 90m Medicines review");
    const reply = await h.say("chris", "/meeting repeat M-1 every 2 weeks 3 times");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain(
      "I booked 3 more meetings of *Medicines review*, every 2 weeks, each 2pm to 3:30pm",
    );
    expect(reply.text).toContain("M-2 — Tuesday 22 December, 2pm to 3:30pm");
    expect(reply.text).toContain("M-3 — Tuesday 5 January 2027, 2pm to 3:30pm");
    expect(reply.text).toContain("M-4 — Tuesday 19 January 2027, 2pm to 3:30pm");
    const list = await h.say("sam", "/meeting list");
    expect(list.text).toContain("M-4 *Medicines review*");
  });

  it("books every month on the same weekday of the same week (the second Tuesday)", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review"); // second Tuesday
    const reply = await h.say("cora", "/meeting repeat M-1 every month until 2027-03-31");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("every month on the second Tuesday");
    expect(reply.text).toContain("Tuesday 12 January 2027, 2pm");
    expect(reply.text).toContain("Tuesday 9 February 2027, 2pm");
    expect(reply.text).toContain("Tuesday 9 March 2027, 2pm");
    expect(reply.text).not.toContain("April");
  });

  it("keeps 2pm in London across the last Sunday of March, when the clocks go forward", async () => {
    await h.say("cora", "/meeting schedule 2027-03-16 14:00 Spring review");
    await h.say("cora", "/meeting repeat M-1 every 2 weeks 2 times");
    expect(starts()).toEqual([
      "2027-03-16T14:00:00.000Z", // GMT
      "2027-03-30T13:00:00.000Z", // BST: still 2pm on the wall clock
      "2027-04-13T13:00:00.000Z",
    ]);
    expect((await h.say("sam", "/meeting list")).text).toContain("Tuesday 30 March 2027, 2pm");
  });

  it("gives every meeting of the series the same length and place", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 for 1h Medicines review");
    await h.say("cora", "/meeting place M-1 https://meet.example.org/medication");
    await h.say("cora", "/meeting repeat M-1 every 4 weeks 2 times");
    const m3 = h.store.meetings.bySeq(h.store.workstreams.byChannel(h.channel)?.id ?? 0, 3);
    expect(m3?.place).toBe("https://meet.example.org/medication");
    expect(m3?.startsAt.toISOString()).toBe("2027-02-02T14:00:00.000Z");
    expect((m3?.endsAt.getTime() ?? 0) - (m3?.startsAt.getTime() ?? 0)).toBe(3_600_000);
  });

  it("posts the series in the channel once", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    await h.bot.deliver();
    h.gateway.clear();
    await h.say("cora", "/meeting repeat M-1 every 2 weeks 4 times");
    await h.bot.deliver();
    const posts = h.gateway.to(h.channel);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain("M-5");
  });

  it("books 12, the most at once, when no end is given", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    const reply = await h.say("cora", "/meeting repeat M-1 every 2 weeks");
    expect(reply.text).toContain("12 more meetings");
    expect(reply.text).toContain("the most I book at once");
    expect(starts()).toHaveLength(13);
  });

  it("refuses more than 12, saying 12, and books nothing", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    const before = snapshot(h);
    const times = await h.say("cora", "/meeting repeat M-1 every 2 weeks 13 times");
    expect(times.error).toBe("meeting.too-many");
    expect(times.text).toContain("12");
    const until = await h.say("cora", "/meeting repeat M-1 every 2 weeks until 2028-01-01");
    expect(until.error).toBe("meeting.too-many");
    expect(until.text).toContain("12");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses a monthly series from a fifth week, saying why", async () => {
    await h.say("cora", "/meeting schedule 2026-12-29 14:00 Year end"); // the fifth Tuesday
    const reply = await h.say("cora", "/meeting repeat M-1 every month 3 times");
    expect(reply.error).toBe("meeting.fifth-week");
    expect(reply.text).toContain("fifth Tuesday");
    expect(reply.text).toContain("every 4 weeks");
  });

  it("refuses a clash with a meeting already booked, and books nothing", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    await h.say("cora", "/meeting schedule 2027-01-05 14:00 Already booked"); // M-2
    const before = snapshot(h);
    const reply = await h.say("cora", "/meeting repeat M-1 every 2 weeks 4 times");
    expect(reply.error).toBe("meeting.clash");
    expect(reply.text).toContain("M-2");
    expect(reply.text).toContain("until 2027-01-04");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses how often it cannot read, and words after the limit, with an example", async () => {
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Medicines review");
    const before = snapshot(h);
    const weekly = await h.say("cora", "/meeting repeat M-1 every week");
    expect(weekly.error).toBe("meeting.every");
    expect(weekly.text).toContain("every 2 weeks");
    expect(weekly.text).toContain("/meeting repeat M-3 every month 6 times");
    const extra = await h.say("cora", "/meeting repeat M-1 every month for ever");
    expect(extra.error).toBe("clause.unreadable");
    const badDay = await h.say("cora", "/meeting repeat M-1 every month until 31 feb");
    expect(badDay.error).toBe("time.unreadable");
    const zero = await h.say("cora", "/meeting repeat M-1 every month 0 times");
    expect(zero.error).toBe("meeting.repeat-count");
    const none = await h.say("cora", "/meeting repeat M-1 every month until 2026-12-20");
    expect(none.error).toBe("meeting.repeat-none");
    expect(snapshot(h)).toBe(before);
  });
});
