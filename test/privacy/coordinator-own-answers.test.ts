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
