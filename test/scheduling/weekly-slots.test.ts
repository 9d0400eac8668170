import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const digestsTo = (who: string) =>
  h.gateway.to(`test:${who}`).filter((s) => s.text.includes("here is your digest"));
const listsTo = (who: string) =>
  h.gateway.to(`test:${who}`).filter((s) => s.text.includes("Only the chairs see this list."));

/** Runs the bot as it runs for real, a tick each minute, from the clock's time up to `to`. */
async function runMinutes(to: string) {
  while (h.clock.now().getTime() < new Date(to).getTime()) {
    h.clock.advance(60_000);
    await h.bot.tick();
  }
}

describe("weekly messages go at their slot", () => {
  it("gives a workstream set up on a Monday after 9am its first digest the next Monday, not at once", async () => {
    // Monday 7 December 2026, 10am in London: after the day's 9am digest slot.
    h = createHarness({ start: "2026-12-07T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-10 14:00 Planning");
    await h.say("chris", "/meeting schedule 2026-12-17 14:00 Review");
    await h.bot.tick();
    await runMinutes("2026-12-07T12:00:00Z");
    expect(digestsTo("cora")).toHaveLength(0);
    h.clock.set("2026-12-14T08:50:00Z");
    await runMinutes("2026-12-14T09:10:00Z");
    expect(digestsTo("cora")).toHaveLength(1);
  });

  it("does not send the chair's weekly one-to-one list late because a request came after the slot", async () => {
    h = createHarness({ start: "2026-12-07T08:00:00Z" });
    await seedGroup(h);
    // Everyone had a one-to-one last week: at 9am nobody is due, so no list goes.
    for (const who of ["sam", "kim", "lee"]) await h.say("chris", `/onetoone <@${who}|${who}> on 2026-12-01`);
    await h.bot.tick();
    await runMinutes("2026-12-07T09:17:00Z");
    expect(listsTo("chris")).toHaveLength(0);
    await h.say("sam", "/onetoone request", "dm");
    await runMinutes("2026-12-07T12:00:00Z");
    // The chair hears of the request at once, and gets no weekly list at 9:18.
    expect(h.gateway.to("test:chris").filter((s) => s.text.includes("Sam"))).toHaveLength(1);
    expect(listsTo("chris")).toHaveLength(0);
    // Next Monday's list, at its slot, puts Sam first.
    h.clock.set("2026-12-14T08:58:00Z");
    await h.bot.tick();
    await runMinutes("2026-12-14T09:02:00Z");
    const lists = listsTo("chris");
    expect(lists).toHaveLength(1);
    expect(lists[0]?.text).toContain("1 member has asked for a one-to-one");
  });

  it("still catches up on a slot missed while the bot was down", async () => {
    h = createHarness({ start: "2026-12-07T08:00:00Z" });
    await seedGroup(h);
    await h.say("sam", "/onetoone request", "dm");
    await h.say("chris", "/meeting schedule 2026-12-10 14:00 Planning");
    await h.bot.tick();
    await runMinutes("2026-12-07T08:30:00Z");
    // Down from 8:30 to 10:15; back, the 9am digest and list go once.
    h.clock.set("2026-12-07T10:15:00Z");
    await h.bot.tick();
    await runMinutes("2026-12-07T10:30:00Z");
    expect(digestsTo("cora")).toHaveLength(1);
    expect(listsTo("chris")).toHaveLength(1);
  });
});
