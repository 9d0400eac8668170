import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The ticker's way: deliver whatever retry has come due, checking every `stepMs`. */
async function runFor(ms: number, stepMs = 10_000) {
  const end = h.clock.now().getTime() + ms;
  while (h.clock.now().getTime() < end) {
    h.clock.advance(stepMs);
    const next = h.bot.nextDueAt();
    if (next && next.getTime() <= h.clock.now().getTime()) await h.bot.deliver();
  }
}

const welcomeToTess = () =>
  h.store.outbox.byKey(
    String(h.db.prepare("SELECT key FROM outbox WHERE address = 'test:tess'").pluck().get()),
  );

describe("a message the platform keeps refusing", () => {
  it("is tried every few minutes however long the outage, and goes soon after the platform is back", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    h.gateway.setDown(true);
    await h.say("cora", "/workstream add <@tess|Tess> as carer");
    await runFor(3 * HOUR);
    expect(welcomeToTess()?.status).toBe("pending");
    expect(welcomeToTess()?.attempts).toBeGreaterThan(30);
    h.gateway.setDown(false);
    await runFor(5 * MINUTE);
    expect(h.gateway.to("test:tess")).toHaveLength(1);
    expect(welcomeToTess()?.status).toBe("sent");
  });

  it("is dropped only once it is stale — a week on, for one with no moment of its own — and counted in the digest", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    h.gateway.setDown(true);
    await h.say("cora", "/workstream add <@tess|Tess> as carer");
    await runFor(6 * DAY + 23 * HOUR, 5 * MINUTE);
    expect(welcomeToTess()?.status).toBe("pending");
    await runFor(2 * HOUR, 5 * MINUTE);
    expect(welcomeToTess()?.status).toBe("dropped");
    h.gateway.setDown(false);
    const digest = await h.say("cora", "/digest now");
    await h.bot.deliver();
    const sent = h.gateway.to("test:cora").filter((s) => s.text.includes("here is your digest"));
    expect(sent.map((s) => s.text).join("\n") + digest.text).toContain(
      "1 message could not be delivered while test was unavailable",
    );
    expect(sent.map((s) => s.text).join("\n")).not.toContain("Tess");
  });
});
