import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const DAY = 86_400_000;

describe("when nobody answered", () => {
  it("the chair is told so in one short message, not a page of empty questions", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" }); // Tuesday 10am
    await seedGroup(h);
    await h.say("chris", "/review start");
    await h.say("chris", "/groundrules ask");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.advance(8 * DAY);
    await h.bot.tick();
    await h.bot.deliver();
    const chris = h.gateway.to("test:chris").map((s) => s.text);
    const review = chris.find((t) => t.includes("The review for *Medication safety* has closed"));
    expect(review).toContain("Nobody answered it this time, so there is nothing to show.");
    expect(review).not.toContain("Here is what they said");
    const rules = chris.find((t) => t.includes("ground-rules questions"));
    expect(rules).toContain("have closed. Nobody answered them this time.");
    expect(rules).not.toContain("No answers to show.");
  });
});
