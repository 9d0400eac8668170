import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const digestsTo = (who: string) =>
  h.gateway.to(`test:${who}`).filter((s) => s.text.includes("here is your digest"));

/** Steps the clock in 5-minute steps, ticking each time; returns when each digest arrived. */
async function digestTimes(from: string, to: string): Promise<string[]> {
  const times: string[] = [];
  h.clock.set(from);
  while (h.clock.now().getTime() <= new Date(to).getTime()) {
    const before = digestsTo("cora").length;
    await h.bot.tick();
    if (digestsTo("cora").length > before) times.push(h.clock.now().toISOString());
    h.clock.advance(5 * 60_000);
  }
  return times;
}

/** The usual group, with a meeting soon so the digest has something to say. */
async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-10 14:00 Planning");
  await h.say("chris", "/meeting schedule 2026-12-17 14:00 Review");
}

describe("a coordinator who moves the digest", () => {
  it("does not get a second one the same day when it moves later that day", async () => {
    await group();
    expect(await digestTimes("2026-12-07T08:00:00Z", "2026-12-07T10:00:00Z")).toEqual([
      "2026-12-07T09:00:00.000Z",
    ]);
    await h.say("cora", "/workstream set digest mon 11:00");
    expect(await digestTimes("2026-12-07T10:05:00Z", "2026-12-07T18:00:00Z")).toEqual([]);
    // The next Monday it goes at the new time.
    expect(await digestTimes("2026-12-14T08:00:00Z", "2026-12-14T12:00:00Z")).toEqual([
      "2026-12-14T11:00:00.000Z",
    ]);
  });

  it("does not get one at once when it moves to a time that has just passed", async () => {
    await group();
    await digestTimes("2026-12-07T08:55:00Z", "2026-12-07T09:05:00Z");
    expect(digestsTo("cora")).toHaveLength(1);
    h.clock.set("2026-12-07T12:00:00Z");
    await h.say("cora", "/workstream set digest mon 10:00");
    await h.bot.tick();
    expect(digestsTo("cora")).toHaveLength(1);
  });

  it("still gets each one of a twice-weekly schedule, and a daily one", async () => {
    await group();
    await h.say("cora", "/workstream set digest 0 9 * * 1,2");
    expect(await digestTimes("2026-12-07T08:00:00Z", "2026-12-08T10:00:00Z")).toEqual([
      "2026-12-07T09:00:00.000Z",
      "2026-12-08T09:00:00.000Z",
    ]);
    await h.say("cora", "/workstream set digest 0 9 * * *");
    expect(await digestTimes("2026-12-09T08:00:00Z", "2026-12-10T10:00:00Z")).toEqual([
      "2026-12-09T09:00:00.000Z",
      "2026-12-10T09:00:00.000Z",
    ]);
  });

  it("still gets both of a twice-a-day schedule", async () => {
    await group();
    await h.say("cora", "/workstream set digest 0 9,17 * * *");
    expect(await digestTimes("2026-12-07T08:00:00Z", "2026-12-07T18:00:00Z")).toEqual([
      "2026-12-07T09:00:00.000Z",
      "2026-12-07T17:00:00.000Z",
    ]);
  });

  it("can still ask for it with /digest now, straight after the scheduled one", async () => {
    await group();
    await digestTimes("2026-12-07T08:55:00Z", "2026-12-07T09:05:00Z");
    const reply = await h.say("cora", "/digest now");
    expect(reply.error).toBeUndefined();
    await h.bot.deliver();
    expect(digestsTo("cora")).toHaveLength(2);
  });
});
