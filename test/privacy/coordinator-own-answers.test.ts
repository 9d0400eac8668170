import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

/**
 * A coordinator answers check-ins too, and reads "felt listened to" in the digest as totals.
 * Knowing their own answer, they could take it away from a figure of three and learn the other
 * two. The attack: Cora answers anonymously with Sam and Kim; whatever Sam and Kim said, Cora's
 * digest must read the same.
 */
const harnesses: Array<ReturnType<typeof createHarness>> = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.cleanup();
});

async function digestAfter(listened: { sam: string; kim: string }, coraAnonymous = true) {
  const h = createHarness({ start: "2026-12-01T09:00:00Z" });
  harnesses.push(h);
  await seedGroup(h); // Cora coordinator, Chris chair, Sam, Kim, Lee
  await h.say("chris", "/meeting schedule 2026-12-01 10:00 for 1h Medication review");
  h.clock.set("2026-12-01T11:05:00Z");
  await h.bot.tick();
  const check = checkInDriver(h);
  check.look();
  const answers = (heard: string, share: string) => [
    "Yes",
    "Fully",
    heard,
    "Nothing to add",
    "No",
    "No",
    share,
  ];
  check.answer("cora", answers("No", coraAnonymous ? "Answer anonymously" : "Share my name"));
  check.answer("sam", answers(listened.sam, "Answer anonymously"));
  check.answer("kim", answers(listened.kim, "Answer anonymously"));
  h.clock.set("2026-12-05T12:00:00Z");
  await h.bot.tick();
  h.gateway.clear();
  await h.say("cora", "/digest now");
  await h.bot.deliver();
  const text = h.gateway
    .to("test:cora")
    .map((s) => s.text)
    .join("\n");
  return text.split("\n").find((l) => l.startsWith("• Everyone:")) ?? "";
}

describe("a coordinator's own check-in answer", () => {
  it.each([true, false])(
    "is left out of the digest's 'felt listened to', so Sam's and Kim's can't be worked out (Cora anonymous: %s)",
    async (coraAnonymous) => {
      const both = await digestAfter({ sam: "Yes", kim: "Yes" }, coraAnonymous);
      const one = await digestAfter({ sam: "Yes", kim: "No" }, coraAnonymous);
      expect(both).toContain("Everyone:");
      expect(both).toEqual(one);
      expect(both).toContain("fewer than 3 answers");
    },
  );
});

describe("a coordinator who is also a programme lead", () => {
  async function programmeViewAfter(listened: { sam: string; kim: string }) {
    const h = createHarness({ start: "2026-12-01T09:00:00Z" });
    harnesses.push(h);
    await seedGroup(h);
    const board = (who: string, text: string) =>
      h.bot.command({ platform: "test", actor: h.person(who), channel: "test:#board", text });
    await board("paula", "/programme setup Board");
    await board("cora", "/programme add Medication safety");
    await board("paula", "/programme lead <@cora|Cora>");
    await h.say("chris", "/meeting schedule 2026-12-01 10:00 for 1h Medication review");
    h.clock.set("2026-12-01T11:05:00Z");
    await h.bot.tick();
    const check = checkInDriver(h);
    check.look();
    const answers = (heard: string) => [
      "Yes",
      "Fully",
      heard,
      "Nothing to add",
      "No",
      "No",
      "Answer anonymously",
    ];
    check.answer("cora", answers("No"));
    check.answer("sam", answers(listened.sam));
    check.answer("kim", answers(listened.kim));
    h.clock.set("2026-12-05T12:00:00Z");
    await h.bot.tick();
    const view = await board("cora", "/programme");
    expect(view.error).toBeUndefined();
    return view.message.blocks.map((b) => JSON.stringify(b)).join("\n");
  }

  it("reads the programme without their own answers in it, so two others' can't be worked out", async () => {
    const both = await programmeViewAfter({ sam: "Yes", kim: "Yes" });
    const one = await programmeViewAfter({ sam: "Yes", kim: "No" });
    expect(both).toContain("felt listened to");
    expect(both).toEqual(one);
  });
});
