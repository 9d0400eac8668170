import { afterEach, describe, expect, it } from "vitest";
import { EMPTIED_BODY } from "../../adapters/sqlite/outbox-store.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

/**
 * PRODUCT.md §15: sent messages' bodies are not kept longer than OUTBOX_RETENTION_DAYS (30 by
 * default). The scheduler's tick removes them; the rows stay, so nothing is ever sent twice.
 */
const NEED = "a lift from the station on Thursdays";
const DAY = 86_400_000;

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const rowsHolding = (text: string) =>
  h.db.prepare("SELECT key, status FROM outbox WHERE instr(message, ?) > 0").all(text) as Array<{
    key: string;
    status: string;
  }>;

describe("how long the text of sent messages is kept", () => {
  it("keeps it for 30 days, then removes it, keeping the row so nothing is sent twice", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("sam", `/support practical ${NEED}`);
    await h.bot.deliver();
    expect(h.gateway.to("test:cora").map((s) => s.text)).toEqual([expect.stringContaining(NEED)]);
    const [sent] = rowsHolding(NEED);
    expect(sent).toMatchObject({ status: "sent" });
    const key = sent?.key ?? "";
    const before = h.db
      .prepare("SELECT key, status, created_at, finished_at FROM outbox WHERE key = ?")
      .get(key);

    h.clock.advance(29 * DAY);
    await h.bot.tick();
    expect(rowsHolding(NEED)).toHaveLength(1);
    // A message sent now, within the 30 days, keeps its text when the older one loses it.
    await h.say("kim", "/support practical large print, please");
    await h.bot.deliver();

    h.clock.advance(2 * DAY);
    const sentSoFar = h.gateway.sent.length;
    await h.bot.tick();
    expect(rowsHolding(NEED)).toEqual([]);
    expect(h.db.prepare("SELECT message FROM outbox WHERE key = ?").pluck().get(key)).toBe(EMPTIED_BODY);
    // Key, state and times are what exactly-once needs, and they stay as they were.
    expect(
      h.db.prepare("SELECT key, status, created_at, finished_at FROM outbox WHERE key = ?").get(key),
    ).toEqual(before);
    expect(rowsHolding("large print, please")).toHaveLength(1);
    // Nothing is sent again, and the request itself is still there for the coordinator.
    await h.bot.tick();
    expect(h.gateway.sent.length).toBe(sentSoFar);
    expect((await h.say("cora", "/support list")).text).toContain(NEED);
  });

  it("finds the old bodies through an index, not by reading the whole outbox each tick", () => {
    h = createHarness();
    const plan = h.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE status != 'pending' AND message != '${EMPTIED_BODY}' AND finished_at < ? LIMIT 200`,
      )
      .all(Date.now()) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join("\n")).toContain("USING INDEX outbox_bodies_kept");
  });
});
