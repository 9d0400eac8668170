import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, seedGroup, tempDatabase } from "../helpers/harness.ts";

const MEMBERS = ["cora", "chris", "sam", "kim", "lee"];

/** How many messages each person got whose text mentions `needle`. */
function countTo(h: Harness, needle: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const who of MEMBERS)
    counts[who] = h.gateway.to(`test:${who}`).filter((s) => s.text.includes(needle)).length;
  return counts;
}

describe("the bot stopped across three days of scheduled work", () => {
  const database = tempDatabase();
  afterEach(() => database.cleanup());

  it("sends what is still relevant once, drops and logs what went stale, and repeats nothing", async () => {
    // Tuesday 21:00 in London: quiet hours, so the next morning's reminder is held, not sent.
    const before = createHarness({ start: "2026-12-01T21:00:00Z", dbPath: database });
    await seedGroup(before);
    for (const when of ["2026-12-02 08:30", "2026-12-04 14:00", "2026-12-10 14:00"]) {
      const reply = await before.say(
        "cora",
        `/meeting schedule ${when} for 1h Meeting on ${when.slice(5, 10)}`,
      );
      expect(reply.error).toBeUndefined();
    }
    await before.bot.tick();
    // M-1's reminder is queued but held until 08:00 — and then the bot stops until Friday.
    expect(countTo(before, "(M-1)")).toEqual({ cora: 0, chris: 0, sam: 0, kim: 0, lee: 0 });
    const heldBefore = before.db
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE key LIKE 'meeting-reminder:%' AND status = 'pending'")
      .get() as { n: number };
    expect(heldBefore.n).toBe(MEMBERS.length);
    before.db.close();

    // Friday 10:00, three days later: the same database, a fresh process.
    const after = createHarness({ start: "2026-12-04T10:00:00Z", dbPath: database });
    await after.bot.tick();
    for (let i = 0; i < 5; i++) {
      after.clock.advance(60_000);
      await after.bot.tick();
    }
    // A second restart a minute later must not send anything again.
    const again = createHarness({ start: "2026-12-04T10:07:00Z", dbPath: database });
    await again.bot.tick();

    // Still relevant: M-2 (this afternoon) reminds everyone exactly once.
    expect(countTo(after, "(M-2)")).toEqual({ cora: 1, chris: 1, sam: 1, kim: 1, lee: 1 });
    expect(again.gateway.sent.filter((s) => s.text.includes("(M-2)"))).toHaveLength(0);
    // Stale: M-1 happened on Wednesday; its held reminders are dropped, each one logged.
    expect(
      after.gateway.sent.filter((s) => s.text.includes("(M-1)") && s.text.includes("reminder")),
    ).toHaveLength(0);
    const stale = after.logs.filter((l) => l.level === "warn" && /stale/.test(l.msg));
    expect(stale.length).toBeGreaterThanOrEqual(MEMBERS.length);
    const dropped = after.db
      .prepare(
        "SELECT COUNT(*) AS n FROM outbox WHERE key LIKE 'meeting-reminder:%' AND status = 'dropped' AND last_error = 'stale'",
      )
      .get() as { n: number };
    expect(dropped.n).toBe(MEMBERS.length);
    // Not yet due: M-3 is next week.
    expect(
      after.gateway.sent.filter((s) => s.text.includes("(M-3)") && s.text.includes("reminder")),
    ).toHaveLength(0);
    // Nothing at all was sent twice to the same person, across both restarts.
    const all = [...after.gateway.sent, ...again.gateway.sent].map((s) => `${s.address}\n${s.text}`);
    expect(new Set(all).size).toBe(all.length);
    const keys = after.db.prepare("SELECT key, status FROM outbox WHERE status = 'pending'").all() as Array<{
      key: string;
    }>;
    expect(keys.filter((k) => k.key.startsWith("meeting-reminder:"))).toEqual([]);
  });

  it("logs, once each, the scheduled work no rule will send any more, and sends none of it", async () => {
    // Tuesday 21:00 in London; the bot is down from after this evening's tick until Friday 10:00.
    const before = createHarness({ start: "2026-12-01T21:00:00Z", dbPath: database });
    await seedGroup(before);
    for (const setting of ["papers-lead-days 2", "papers-reminder-days 1", "digest wed 09:00"])
      expect((await before.say("cora", `/workstream set ${setting}`)).error).toBeUndefined();
    // Thursday 09:00: its papers go tonight; its papers reminder (Wednesday 21:00) and its
    // day-before reminder (Wednesday 09:00) fall due while the bot is down.
    await before.say("chris", "/meeting schedule 2026-12-03 09:00 Thursday meeting");
    await before.say("chris", "/papers add M-1 https://example.org/plan.pdf Plan");
    // Friday 09:00: its papers fall due on Wednesday 09:00, while the bot is down.
    await before.say("chris", "/meeting schedule 2026-12-04 09:00 Friday meeting");
    await before.say("chris", "/papers add M-2 https://example.org/budget.pdf Budget");
    await before.bot.tick();
    before.db.close();

    const after = createHarness({ start: "2026-12-04T10:00:00Z", dbPath: database });
    for (let i = 0; i < 6; i++) {
      await after.bot.tick();
      after.clock.advance(60_000);
    }
    const again = createHarness({ start: "2026-12-04T10:07:00Z", dbPath: database });
    await again.bot.tick();

    const missed = (h: Harness) =>
      h.logs.filter((l) => l.msg === "missed while the bot was down; not sent").map((l) => l.fields);
    const id = (seq: number) =>
      (after.db.prepare("SELECT id FROM meetings WHERE seq = ?").get(seq) as { id: number }).id;
    expect(missed(after)).toEqual([
      { kind: "digest", workstream: 1, slot: "2026-12-02T09:00" },
      { kind: "meeting-reminder", workstream: 1, meeting: id(1), people: MEMBERS.length },
      { kind: "papers-reminder", workstream: 1, meeting: id(1), people: MEMBERS.length },
      { kind: "papers", workstream: 1, meeting: id(2) },
    ]);
    const levels = after.logs.filter((l) => l.msg.startsWith("missed while")).map((l) => l.level);
    expect(levels.every((level) => level === "warn")).toBe(true);
    expect(missed(again)).toEqual([]);
    // Friday's day-before reminders were queued late and dropped as stale by the sender, which
    // logged each of them: not logged a second time as missed.
    const staleKeys = after.logs.filter((l) => /stale/.test(l.msg)).map((l) => String(l.fields.key));
    expect(staleKeys.filter((k) => k.startsWith(`meeting-reminder:${id(2)}:`))).toHaveLength(MEMBERS.length);
    // Ids only: no names, titles or links in what was logged.
    const logged = JSON.stringify([...after.logs, ...again.logs].map((l) => l.fields));
    for (const word of ["Cora", "Chris", "Thursday", "Friday", "Plan", "example.org"])
      expect(logged).not.toContain(word);
    // None of it reached anyone (the check-ins after the meetings still go), and nothing went twice.
    const sentKeys = after.db.prepare("SELECT key FROM outbox WHERE status = 'sent'").all() as Array<{
      key: string;
    }>;
    expect(sentKeys.filter((r) => /^(papers|meeting-reminder|digest)/.test(r.key))).toEqual([]);
    const all = [...after.gateway.sent, ...again.gateway.sent].map((s) => `${s.address}\n${s.text}`);
    expect(new Set(all).size).toBe(all.length);
  });
});
