import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
}

describe("the glossary", () => {
  it("lets a chair or coordinator add plain meanings that every member can list and look up", async () => {
    await group();
    const added = await h.say(
      "chris",
      "/glossary add ICB = Integrated Care Board: the NHS body that plans local health services",
    );
    expect(added.error).toBeUndefined();
    expect(added.text).toContain("Added to the glossary: *ICB*");
    await h.say("cora", "/glossary add Respite care = a short break for carers");

    const all = await h.say("sam", "/glossary");
    expect(all.text).toContain("Plain meanings of words used in *Medication safety*");
    expect(all.text).toContain(
      "• *ICB* — Integrated Care Board: the NHS body that plans local health services",
    );
    expect(all.text).toContain("• *Respite care* — a short break for carers");

    const one = await h.say("kim", "/glossary icb", "dm");
    expect(one.text).toBe("*ICB* — Integrated Care Board: the NHS body that plans local health services");
  });

  it("updates a meaning rather than adding the word twice", async () => {
    await group();
    await h.say("chris", "/glossary add ICB = Integrated Care Board");
    const updated = await h.say(
      "cora",
      "/glossary add icb = Integrated Care Board: it plans local NHS services",
    );
    expect(updated.text).toContain("Updated the glossary: *icb* now means");
    const all = await h.say("sam", "/glossary");
    expect(all.text.match(/• \*ICB\*/g)).toHaveLength(1);
    expect(all.text).toContain("it plans local NHS services");
  });

  it("says kindly when a word is not there yet, and who can add it", async () => {
    await group();
    const missing = await h.say("sam", "/glossary PCN");
    expect(missing.text).toContain(`There's no plain meaning for "PCN"`);
    expect(missing.text).toContain("ask the chair or coordinator to add it");
    const empty = await h.say("sam", "/glossary");
    expect(empty.text).toContain("glossary is empty so far");
  });

  it("refuses a member who tries to add a word, saying what they can do, and changes nothing", async () => {
    await group();
    const refused = await h.say("sam", "/glossary add PCN = Primary Care Network");
    expect(refused.error).toBe("permission.denied");
    expect(refused.text).toContain("Only the chair or coordinator can add a word to the glossary");
    expect(refused.text).toContain("You can look words up with `/glossary <word>`");
    expect((await h.say("sam", "/glossary")).text).toContain("empty so far");
  });

  it("explains the form when the equals sign is missing", async () => {
    await group();
    const wrong = await h.say("chris", "/glossary add ICB Integrated Care Board");
    expect(wrong.error).toBe("glossary.usage");
    expect(wrong.text).toContain("For example: `/glossary add ICB = ");
  });
});
