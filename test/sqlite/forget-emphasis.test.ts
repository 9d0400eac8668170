import { afterEach, describe, expect, it } from "vitest";
import { forgetWordsInOutbox } from "../../adapters/sqlite/forget-words.ts";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";

describe("forgetting a short wording", () => {
  const database = tempDatabase();
  afterEach(() => database.cleanup());

  it("empties a message that shows it emphasised, as a parked item's title is", async () => {
    const h = createHarness({ dbPath: database, start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("sam", "/dissent Unsafe");
    await h.say("chris", "/park D-1");
    await h.bot.deliver();
    const bodies = () =>
      (h.db.prepare("SELECT message FROM outbox").pluck().all() as string[]).filter((m) =>
        m.includes("Unsafe"),
      );
    // The parked post names the title as emphasis: a span, not stars, in what is stored.
    expect(bodies().some((m) => m.includes('{"em":"Unsafe"}'))).toBe(true);
    const sam = h.store.people.byKey("test:sam");
    forgetWordsInOutbox(h.db, sam?.id ?? 0, ["Unsafe"], h.clock.now().getTime(), () => {});
    expect(bodies()).toEqual([]);
  });
});
