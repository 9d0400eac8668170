import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

describe("parked items due for revisit join the agenda by themselves", () => {
  async function setUp() {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    // M-1 is Friday 18 December, 2pm: the chair hears on the 10th, the papers go on the 11th.
    await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
    await h.say("chris", "/park Respite budget revisit 2026-12-15");
    await h.bot.deliver();
    h.gateway.clear();
  }

  it("puts a parked item due at the meeting on its agenda, and the chair's reminder points there", async () => {
    await setUp();
    h.clock.set("2026-12-10T14:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const reminder = h.gateway.to("test:chris").find((s) => s.text.includes("due to be looked at again"));
    expect(reminder?.text).toContain("I've put it on the meeting's agenda: `/agenda M-1` shows it.");
    const agenda = await h.say("sam", "/agenda");
    expect(agenda.text).toContain("A-1 *Respite budget* (parked item P-1, back for another look)");

    // The papers go out with it; later ticks add nothing more.
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    await h.bot.deliver();
    const papers = h.gateway.to("test:kim").find((s) => s.text.includes("the papers for"));
    expect(papers?.text).toContain("A-1 *Respite budget* (parked item P-1, back for another look)");
    expect(h.store.agenda.forMeeting(1)).toHaveLength(1);
  });

  it("updates the papers message in place when an item parked late falls due after the papers went out", async () => {
    await setUp();
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const before = h.gateway.sent.filter((s) => s.address === "test:kim").length;
    await h.say("cora", "/park Parking at the hospital revisit 2026-12-16");
    await h.bot.tick();
    await h.bot.deliver();
    const updated = h.gateway.updated.filter((u) => u.address === "test:kim").at(-1);
    expect(updated?.text).toContain("*Parking at the hospital* (parked item P-2, back for another look)");
    expect(h.gateway.sent.filter((s) => s.address === "test:kim").length).toBe(before);
  });

  it("leaves off an item that was resolved before the meeting, and keeps off one the chair dropped", async () => {
    await setUp();
    h.clock.set("2026-12-10T14:00:00Z");
    await h.bot.tick();
    await h.say("chris", "/agenda drop A-1");
    await h.bot.tick();
    expect((await h.say("sam", "/agenda")).text).not.toContain("Respite budget");
    await h.say("chris", "/park Another one revisit 2026-12-15");
    await h.bot.tick();
    expect((await h.say("sam", "/agenda")).text).toContain("Another one");
    await h.say("chris", "/parked resolve P-2 Sorted by email");
    expect((await h.say("sam", "/agenda")).text).not.toContain("Another one");
  });
});

describe("a parked item settled after the papers went out", () => {
  it("comes off the agenda in everyone's papers message, in place", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
    await h.say("chris", "/park Respite budget revisit 2026-12-15");
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    expect(h.gateway.to("test:kim").at(-1)?.text).toContain("*Respite budget*");
    await h.say("chris", "/parked resolve P-1 Agreed by email");
    await h.bot.deliver();
    const toKim = h.gateway.updated.filter((u) => u.address === "test:kim");
    expect(toKim).toHaveLength(1);
    expect(toKim[0]?.text).not.toContain("Respite budget");
  });

  it("moves off this meeting's agenda when its revisit date moves past it", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
    await h.say("chris", "/park Respite budget revisit 2026-12-15");
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    await h.say("chris", "/parked revisit P-1 2027-01-20");
    await h.bot.deliver();
    expect(h.gateway.updated.filter((u) => u.address === "test:kim").at(-1)?.text).not.toContain(
      "Respite budget",
    );
    expect((await h.say("sam", "/agenda M-1")).text).not.toContain("Respite budget");
  });
});
