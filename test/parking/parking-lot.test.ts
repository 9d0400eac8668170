import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { sayIn, snapshot } from "../helpers/core-commands.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Tuesday 1 December 2026, 10am in London. Meetings on 3 and 17 December and 14 January, 2pm.
async function groupWithMeetings() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-03 14:00 December meeting");
  await h.say("chris", "/meeting schedule 2026-12-17 14:00 Christmas meeting");
  await h.say("chris", "/meeting schedule 2027-01-14 14:00 January meeting");
  await h.bot.deliver();
  h.gateway.clear();
}

/** Revisit reminders the chairs and coordinators have been sent so far. */
function revisitReminders() {
  return h.gateway.sent.filter((s) => s.text.includes("parked item"));
}

describe("parking an issue", () => {
  it("is refused to a member, who is told they can record their own view instead", async () => {
    await groupWithMeetings();
    const before = snapshot(h);
    const reply = await h.say("sam", "/park Transport costs for carers");
    expect(reply.text).toBe(
      "Only the chair or coordinator can park an issue. You can record your own view with `/dissent your view`.",
    );
    expect(reply.error).toBe("permission.denied");
    expect(snapshot(h)).toBe(before);
  });

  it("reads the revisit date and owner in either order, and answers with the date it understood", async () => {
    await groupWithMeetings();
    const first = await h.say(
      "chris",
      "/park Transport costs for carers owner <@kim|Kim> revisit 2026-12-10",
    );
    expect(first.error).toBeUndefined();
    expect(first.text).toContain("P-1 is parked: *Transport costs for carers*. Owner: Kim.");
    expect(first.text).toContain("Revisit: Thursday 10 December.");
    const second = await h.say(
      "cora",
      "/park Whether to revisit the budget revisit next friday owner <@sam|Sam>",
    );
    expect(second.text).toContain("P-2 is parked: *Whether to revisit the budget*. Owner: Sam.");
    expect(second.text).toContain("Revisit: Friday 11 December.");
    const third = await h.say("cora", "/park Room bookings");
    expect(third.text).toContain("Owner: Cora.");
    expect(third.text).toContain("There is no revisit date yet");
    await h.bot.deliver();
    expect(h.gateway.to(h.channel).map((s) => s.text)[0]).toBe(
      "Chris parked *Transport costs for carers* as P-1, to come back to on or after Thursday 10 December. Owner: Kim.",
    );
  });

  it("refuses a date it cannot read, or one in the past", async () => {
    await groupWithMeetings();
    expect((await h.say("chris", "/park Transport revisit 2026-11-20")).error).toBe("park.past");
    expect((await h.say("chris", "/park Transport revisit tomorrow blah")).error).toBe("time.unreadable");
    expect((await h.say("chris", "/park Transport revisit")).error).toBe("park.revisit");
  });

  it("parks a recorded dissent, raised by the member whose view it is", async () => {
    await groupWithMeetings();
    await h.say("sam", "/dissent Carers should be paid for their time");
    const reply = await h.say("chris", "/park D-1 revisit 2027-01-01");
    expect(reply.text).toContain("P-1 is parked: *Carers should be paid for their time*");
    expect((await h.say("chris", "/park D-1")).error).toBe("park.already");
    const list = await h.say("lee", "/parked");
    expect(list.text).toContain(
      "P-1 *Carers should be paid for their time* — owner Chris, revisit Friday 1 January",
    );
    expect(list.text).toContain("raised by Sam");
  });
});

describe("the parking lot", () => {
  it("lists open items with their age, owner and revisit date, to every member", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs owner <@kim|Kim> revisit 2026-12-10");
    await h.say("chris", "/park Room bookings");
    h.clock.set("2026-12-04T10:00:00Z");
    await h.say("chris", "/parked drop P-2 The rooms are sorted");
    const list = await h.say("sam", "/parked");
    expect(list.text).toContain(
      "P-1 *Transport costs* — owner Kim, revisit Thursday 10 December; parked 3 days ago by Chris",
    );
    expect(list.text).not.toContain("Room bookings");
  });

  it("needs an outcome to resolve and a reason to drop", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs");
    const before = snapshot(h);
    const bare = await h.say("chris", "/parked resolve P-1");
    expect(bare.error).toBe("parked.outcome");
    expect(bare.text).toContain("Please add the outcome");
    expect((await h.say("chris", "/parked drop P-1")).error).toBe("parked.reason");
    expect(snapshot(h)).toBe(before);
    expect((await h.say("sam", "/parked resolve P-1 Agreed")).error).toBe("permission.denied");
    const done = await h.say("chris", "/parked resolve P-1 Agreed to pay travel in advance");
    expect(done.text).toContain("P-1 (*Transport costs*) is resolved");
    expect((await h.say("chris", "/parked drop P-1 changed my mind")).error).toBe("parked.closed");
    expect((await h.say("sam", "/parked")).text).toContain("Nothing is parked");
  });

  it("keeps each workstream's parking lot to its own members", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs");
    const other = "test:#other";
    await sayIn(h, "olga", "/workstream setup Housing", other);
    await sayIn(h, "olga", "/park Housing waiting list", other);
    expect((await sayIn(h, "olga", "/parked", other)).text).not.toContain("Transport");
    expect((await h.say("olga", "/parked")).error).toBe("member.not-member");
    expect((await sayIn(h, "olga", "/parked resolve P-1 done", other)).text).toContain(
      "Housing waiting list",
    );
    expect((await h.say("sam", "/parked")).text).toContain("Transport costs");
  });

  it("offers the coordinator digest items parked over 90 days with no revisit date", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Old question");
    await h.say("chris", "/park Dated question revisit 2027-06-01");
    h.clock.set("2027-03-02T10:00:00Z");
    await h.say("chris", "/park New question");
    const store = createSqliteStore(h.db);
    const ws = store.workstreams.byChannel(h.channel);
    const stale = store.parking.staleWithoutRevisit(ws?.id ?? -1, new Date("2026-12-02T10:00:00Z"));
    expect(stale.map((i) => i.title)).toEqual(["Old question"]);
  });
});

describe("the revisit reminder", () => {
  it("reaches each chair once, before the first meeting on or after the revisit date, listing every item due", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs owner <@kim|Kim> revisit 2026-12-10");
    await h.say("cora", "/park Room bookings revisit 2026-12-15");
    await h.say("cora", "/park Settled already revisit 2026-12-12");
    await h.say("cora", "/parked resolve P-3 Sorted out by email");
    await h.say("cora", "/park Later question revisit 2027-01-02");
    await h.bot.deliver();
    h.gateway.clear();
    // The Christmas meeting (17 December) is the first on or after both dates; its chairs hear
    // 8 days before (the day before its papers go out): Wednesday 9 December, 2pm.
    h.clock.set("2026-12-09T13:59:00Z");
    await h.bot.tick();
    expect(revisitReminders()).toHaveLength(0);
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    h.clock.set("2026-12-16T14:00:00Z");
    await h.bot.tick();
    const sent = revisitReminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.address).toBe("test:chris");
    expect(sent[0]?.text).toContain(
      "2 parked items are due to be looked at again at *Christmas meeting* (M-2) on Thursday 17 December, 2pm",
    );
    expect(sent[0]?.text).toContain("P-1 *Transport costs* — owner Kim");
    expect(sent[0]?.text).toContain("P-2 *Room bookings*");
    expect(sent[0]?.text).toContain("`/parked resolve P-1 what was decided`");
    expect(sent[0]?.text).not.toContain("Settled already");
    expect(sent[0]?.text).not.toContain("Later question");
  });

  it("tells the chair separately about an item parked after the reminder went, without repeating the first", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs revisit 2026-12-10");
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    await h.say("chris", "/park Room bookings revisit 2026-12-11");
    await h.bot.tick();
    await h.bot.tick();
    const sent = revisitReminders().map((s) => s.text);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain("Room bookings");
    expect(sent[1]).not.toContain("Transport costs");
  });

  it("moves when the revisit date is changed", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs revisit 2026-12-10");
    const moved = await h.say("chris", "/parked revisit P-1 2027-01-01");
    expect(moved.text).toContain("on or after Friday 1 January");
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    expect(revisitReminders()).toHaveLength(0);
    // The January meeting (14 January) is now the one: 8 days before is Wednesday 6 January.
    h.clock.set("2027-01-06T13:59:00Z");
    await h.bot.tick();
    expect(revisitReminders()).toHaveLength(0);
    h.clock.set("2027-01-06T14:00:00Z");
    await h.bot.tick();
    expect(revisitReminders()).toHaveLength(1);
    expect(revisitReminders()[0]?.text).toContain("*January meeting* (M-3)");
  });

  it("is taken back when the item is resolved while the reminder waits for the morning", async () => {
    await groupWithMeetings();
    await h.say("chris", "/park Transport costs revisit 2026-12-10");
    await h.say("chris", "/park Room bookings revisit 2026-12-10");
    // Due on Wednesday 9 December at 2pm; a tick at 9pm finds it, and quiet hours hold it.
    h.clock.set("2026-12-09T21:00:00Z");
    await h.bot.tick();
    expect(revisitReminders()).toHaveLength(0);
    await h.say("chris", "/parked resolve P-1 Agreed at the last meeting");
    h.clock.set("2026-12-10T08:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    const sent = revisitReminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("1 parked item is due");
    expect(sent[0]?.text).toContain("Room bookings");
    expect(sent[0]?.text).not.toContain("Transport costs");
  });
});

describe("a parked item's revisit reminder, over several meetings", () => {
  it("reminds the chair once, before the first meeting on or after the date, and not before later ones", async () => {
    const hh = createHarness({ start: "2026-12-01T10:00:00Z" });
    try {
      await seedGroup(hh);
      await hh.say("chris", "/meeting schedule 2026-12-10 14:00 First");
      await hh.say("chris", "/meeting schedule 2026-12-17 14:00 Second");
      await hh.say("chris", "/park Transport costs revisit 2026-12-05");
      for (let day = 2; day <= 16; day++) {
        for (const hour of ["10", "17"]) {
          hh.clock.set(`2026-12-${String(day).padStart(2, "0")}T${hour}:00:00Z`);
          await hh.bot.tick();
        }
      }
      const reminders = hh.gateway.sent.filter((s) => s.text.includes("due to be looked at again"));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.text).toContain("*First* (M-1)");
    } finally {
      hh.cleanup();
    }
  });
});
