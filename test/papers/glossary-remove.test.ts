import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

describe("taking a word out of the glossary (/glossary remove)", () => {
  it("lets the chair take a wrong entry back, so members no longer see it", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/glossary add ICB = Intensive Care Bed");
    await h.say("chris", "/glossary add Respite care = a short break for carers");
    const removed = await h.say("chris", "/glossary remove icb");
    expect(removed.error).toBeUndefined();
    expect(removed.text).toContain("Taken *ICB* out of the glossary.");
    const all = await h.say("sam", "/glossary");
    expect(all.text).not.toContain("Intensive Care Bed");
    expect(all.text).toContain("Respite care");
  });

  it("says so when the word isn't there, and how to see every word", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    const reply = await h.say("cora", "/glossary remove ICB");
    expect(reply.error).toBe("glossary.not-found");
    expect(reply.text).toContain('There\'s no "ICB" in the glossary');
    expect(reply.text).toContain("`/glossary`");
  });

  it("lets only the chair or coordinator remove a word", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/glossary add ICB = Integrated Care Board");
    const reply = await h.say("sam", "/glossary remove ICB");
    expect(reply.error).toBeDefined();
    expect((await h.say("sam", "/glossary ICB")).text).toContain("Integrated Care Board");
  });
});
