import { afterEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click } from "../papers/papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const WORDS = "Quillwort-ember parking at the hospital";

describe("forgetting someone who suggested an agenda item", () => {
  it("removes their suggestion's words from the agenda and from every message that carried them", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
    await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
    await h.say("cora", "/papers send M-1");
    await h.bot.deliver();
    await h.say("sam", `/agenda suggest ${WORDS}`);
    await h.bot.deliver();
    await click(h, "chris", button(h, "chris", "Accept"));
    await h.bot.deliver();
    expect(h.gateway.updated.some((u) => u.text.includes(WORDS))).toBe(true);

    forgetPerson(h.db, "test:sam");
    const texts = h.db.prepare("SELECT text FROM agenda_items").pluck().all();
    expect(texts).toEqual(["[removed]"]);
    const carrying = h.db.prepare("SELECT key FROM outbox WHERE message LIKE ?").pluck().all(`%${WORDS}%`);
    expect(carrying).toEqual([]);
  });
});
