import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const HOUR = 3_600_000;
const london = (at: Date) => DateTime.fromJSDate(at, { zone: "Europe/London" });

/** Cora sets the workstream up on Tuesday 5 January 2027, 10:00 in London (GMT). */
async function setUp(at = "2027-01-05T10:00:00Z") {
  h = createHarness({ start: at });
  await seedGroup(h);
}

const reviews = () =>
  h.db.prepare("SELECT kind, slot, opened_at FROM reviews ORDER BY opened_at").all() as Array<{
    kind: string;
    slot: number | null;
    opened_at: number;
  }>;
const invitations = (who: string) => h.gateway.to(`test:${who}`).filter((s) => s.text.includes("time for"));
const reminders = (who: string) =>
  h.gateway.to(`test:${who}`).filter((s) => s.text.includes("gentle reminder"));

/** Ticks every `step` from now to `until`, and at each of `exactly` (and a minute before). */
async function run(until: string, step: number, exactly: Date[] = []) {
  const times = new Set<number>();
  for (let t = h.clock.now().getTime() + step; t <= new Date(until).getTime(); t += step) times.add(t);
  for (const at of exactly) {
    times.add(at.getTime() - 60_000);
    times.add(at.getTime());
  }
  const opened: Array<{ tick: number; count: number }> = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    h.clock.set(new Date(t));
    await h.bot.tick();
    opened.push({ tick: t, count: reviews().length });
  }
  return opened;
}

describe("a simulated year of scheduled reviews", () => {
  it("sends one every 12 weeks at 10:00 London time, across the March and October clock changes, exactly once each", async () => {
    await setUp();
    // 12, 24, 36 and 48 weeks on: British Summer Time from 28 March to 31 October 2027.
    const slots = [
      new Date("2027-03-30T09:00:00Z"),
      new Date("2027-06-22T09:00:00Z"),
      new Date("2027-09-14T09:00:00Z"),
      new Date("2027-12-07T10:00:00Z"),
    ];
    const opened = await run("2028-01-04T10:00:00Z", HOUR, slots);
    const rows = reviews();
    expect(rows.map((r) => new Date(r.opened_at).toISOString())).toEqual(slots.map((s) => s.toISOString()));
    expect(rows.map((r) => r.kind)).toEqual(["scheduled", "scheduled", "scheduled", "scheduled"]);
    expect(rows.map((r) => london(new Date(r.opened_at)).toFormat("ccc HH:mm"))).toEqual([
      "Tue 10:00",
      "Tue 10:00",
      "Tue 10:00",
      "Tue 10:00",
    ]);
    // Not a minute early: the tick before each slot saw one review fewer.
    slots.forEach((slot, i) => {
      expect(opened.find((o) => o.tick === slot.getTime() - 60_000)?.count).toBe(i);
      expect(opened.find((o) => o.tick === slot.getTime())?.count).toBe(i + 1);
    });
    // Everyone was asked four times, reminded once each time, and the organisers got four summaries.
    for (const who of ["chris", "cora", "sam", "kim", "lee"]) {
      expect(invitations(who)).toHaveLength(4);
      expect(reminders(who)).toHaveLength(4);
    }
    expect(h.gateway.to("test:chris").filter((s) => s.text.includes("has closed"))).toHaveLength(4);
    expect(h.gateway.to("test:cora").filter((s) => s.text.includes("has closed"))).toHaveLength(4);
  }, 60_000);

  it("after downtime sends the review it missed once, late, logs the one before it, and keeps the 12-week rhythm", async () => {
    await setUp();
    await run("2027-03-20T12:00:00Z", 24 * HOUR);
    expect(reviews()).toHaveLength(0);
    // Down from 20 March to 1 August: the 30 March and 22 June reviews fell due meanwhile.
    h.clock.set("2027-08-02T08:30:00Z"); // Monday, 9:30 in London
    await h.bot.tick();
    await h.bot.tick();
    expect(reviews()).toHaveLength(1);
    expect(reviews()[0]?.slot).toBe(new Date("2027-06-22T09:00:00Z").getTime());
    expect(invitations("sam")).toHaveLength(1);
    const missed = h.logs.filter((l) => l.fields.kind === "review");
    expect(missed).toHaveLength(1);
    expect(missed[0]?.fields.reviews).toBe(1);
    await run("2027-09-20T12:00:00Z", 6 * HOUR, [new Date("2027-09-14T09:00:00Z")]);
    expect(reviews().map((r) => new Date(r.opened_at).toISOString())).toEqual([
      "2027-08-02T08:30:00.000Z",
      "2027-09-14T09:00:00.000Z",
    ]);
    expect(invitations("sam")).toHaveLength(2);
  }, 60_000);

  it("counts from the last /review start, follows review-every-weeks, and sends none when it is off", async () => {
    await setUp();
    h.clock.set("2027-02-09T14:00:00Z"); // week 5
    await h.say("chris", "/review start");
    expect((await h.say("cora", "/workstream set review-every-weeks 8")).error).toBeUndefined();
    await run("2027-04-07T12:00:00Z", 6 * HOUR, [new Date("2027-04-06T09:00:00Z")]);
    // 8 weeks after Tuesday 9 February, at 10:00 London time (BST by then).
    expect(reviews().map((r) => [r.kind, new Date(r.opened_at).toISOString()])).toEqual([
      ["started", "2027-02-09T14:00:00.000Z"],
      ["scheduled", "2027-04-06T09:00:00.000Z"],
    ]);
    const refused = await h.say("cora", "/workstream set review-every-weeks never");
    expect(refused.error).toBe("setting.invalid");
    expect(refused.text).toContain("a whole number of weeks from 1 to 52, or `off`");
    await h.say("cora", "/workstream set review-every-weeks off");
    await run("2027-09-01T12:00:00Z", 24 * HOUR);
    expect(reviews()).toHaveLength(2);
  }, 60_000);
});

describe("a restart after downtime", () => {
  it("a new process on the same database sends the missed review once, and a second restart sends nothing more", async () => {
    const database = tempDatabase();
    try {
      const first = createHarness({ start: "2027-01-05T10:00:00Z", dbPath: database });
      await seedGroup(first);
      first.clock.set("2027-03-29T12:00:00Z");
      await first.bot.tick();
      // Down over the 30 March slot; back on 1 April.
      for (let run = 0; run < 2; run++) {
        const again = createHarness({ start: "2027-04-01T09:00:00Z", dbPath: database });
        await again.bot.tick();
        await again.bot.tick();
        const sam = again.gateway.to("test:sam").filter((s) => s.text.includes("time for"));
        expect(sam).toHaveLength(run === 0 ? 1 : 0);
      }
      const rows = first.db.prepare("SELECT slot FROM reviews").pluck().all();
      expect(rows).toEqual([Date.parse("2027-03-30T09:00:00Z")]);
    } finally {
      database.cleanup();
    }
  });
});

describe("scheduled reviews and people's time", () => {
  it("holds a review that falls on a Saturday until Monday morning, and counts its week from then", async () => {
    await setUp("2027-01-09T10:00:00Z"); // a Saturday
    h.clock.set("2027-04-03T09:00:00Z"); // Saturday 3 April, 10:00 BST: the slot
    await h.bot.tick();
    expect(reviews()).toHaveLength(1);
    expect(invitations("sam")).toHaveLength(0);
    h.clock.set("2027-04-05T06:59:00Z");
    await h.bot.tick();
    expect(invitations("sam")).toHaveLength(0);
    h.clock.set("2027-04-05T07:00:00Z"); // Monday, 8:00 BST
    await h.bot.tick();
    expect(invitations("sam")).toHaveLength(1);
    expect(invitations("sam")[0]?.text).toContain("It is open until Monday 12 April, 8am");
  });

  it("stops an old review button working for someone removed from the workstream", async () => {
    await setUp();
    await h.say("chris", "/review start");
    await h.bot.deliver();
    const button = h.gateway
      .to("test:lee")
      .flatMap((s) => s.message.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : [])))[0];
    await h.say("cora", "/workstream remove <@lee|Lee>");
    const result = h.bot.action({
      platform: "test",
      actor: h.person("lee"),
      action: String(button?.action),
      value: String(button?.value),
    });
    expect(result.kind).toBe("reply");
    if (result.kind === "reply")
      expect(JSON.stringify(result.message)).toContain("no longer in this workstream");
  });
});
