import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.ts";

let h: Harness & { cleanup(): void };
afterEach(() => h.cleanup());

const count = () => (h.db.prepare("SELECT COUNT(*) AS n FROM inbound_seen").get() as { n: number }).n;

describe("deliveries already handled are remembered for a week, not for ever", () => {
  it("still ignores a redelivery days later, and forgets keys over a week old at the tick", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    expect(h.bot.firstSeen("slack:event:Ev-old")).toBe(true);
    h.clock.set("2026-12-06T10:00:00Z");
    expect(h.bot.firstSeen("slack:event:Ev-recent")).toBe(true);
    // Five days on, Slack's (or Teams') redelivery is still recognised.
    expect(h.bot.firstSeen("slack:event:Ev-old")).toBe(false);

    h.clock.set("2026-12-08T10:00:01Z");
    await h.bot.tick();
    expect(count()).toBe(1);
    expect(h.bot.firstSeen("slack:event:Ev-recent")).toBe(false);
    expect(h.bot.firstSeen("slack:event:Ev-old")).toBe(true);
  });

  it("forgets a large backlog a thousand at a time, oldest first", async () => {
    h = createHarness({ start: "2026-12-20T10:00:00Z" });
    const insert = h.db.prepare("INSERT INTO inbound_seen (key, seen_at) VALUES (?, ?)");
    h.store.transaction(() => {
      for (let i = 0; i < 2_500; i++)
        insert.run(`teams:activity:${i}`, Date.parse("2026-11-01T00:00:00Z") + i);
    });
    await h.bot.tick();
    expect(count()).toBe(1_500);
    expect(
      h.db
        .prepare("SELECT MIN(seen_at) - ? AS first FROM inbound_seen")
        .get(Date.parse("2026-11-01T00:00:00Z")),
    ).toEqual({ first: 1_000 });
    await h.bot.tick();
    await h.bot.tick();
    expect(count()).toBe(0);
  });

  it("finds what to forget through an index, never by reading the whole table", () => {
    h = createHarness();
    const plan = h.db
      .prepare(
        `EXPLAIN QUERY PLAN DELETE FROM inbound_seen WHERE key IN
           (SELECT key FROM inbound_seen WHERE seen_at < ? ORDER BY seen_at LIMIT ?)`,
      )
      .all(0, 1000) as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join("\n");
    expect(details).toContain("inbound_seen_by_time");
    expect(details).not.toMatch(/SCAN inbound_seen(?! USING)/);
  });
});
