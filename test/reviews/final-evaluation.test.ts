import { afterEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/ports/core.ts";
import { startFinalEvaluation } from "../../src/use-cases/final-evaluation.ts";
import { createHarness, recordingLogger, seedGroup } from "../helpers/harness.ts";
import { reviewDriver, scores } from "../helpers/review-driver.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** The core the bot runs on, over the harness's own store and clock (as /workstream close has it). */
function coreOf(): Core {
  return {
    store: h.store,
    clock: h.clock,
    log: recordingLogger().log,
    defaultTimezone: "Europe/London",
    gateways: new Map(),
    outboxRetentionDays: 30,
  };
}

describe("the final evaluation, sent when a workstream closes", () => {
  it("asks everyone the review questions plus what future programmes should learn, once, and then no more scheduled reviews", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/workstream add <@ann|Ann> as carer");
    const core = coreOf();
    const workstream = h.store.workstreams.byName("Medication safety");
    if (!workstream) throw new Error("no workstream");
    const asked = h.store.transaction(() => startFinalEvaluation(core, workstream, h.clock.now()));
    expect(asked).toBe(6);
    expect(h.store.transaction(() => startFinalEvaluation(core, workstream, h.clock.now()))).toBe(0);
    await h.bot.deliver();
    const sam = h.gateway.to("test:sam");
    expect(sam).toHaveLength(1);
    expect(sam[0]?.text).toContain(
      "*Medication safety* has now closed. Thank you for all you put into it. Would you tell us how it went? Seven short questions",
    );

    const drive = reviewDriver(h);
    const form = drive.open("sam");
    expect(form.kind === "form" && form.form.fields.map((f) => f.label)).toContain(
      "What should future programmes learn from this one?",
    );
    for (const [who, lesson] of [
      ["sam", "Pay for carers' travel from day one"],
      ["kim", "Send papers a week ahead"],
      ["lee", ""],
      ["ann", "Keep the check-ins"],
    ] as const)
      drive.answer(who, { ...scores(4, 4), ...(lesson ? { learnComment: lesson } : {}) });
    h.gateway.clear();
    h.clock.set("2026-12-08T10:00:00Z");
    await h.bot.tick();
    const summary = h.gateway
      .to("test:chris")
      .map((s) => s.text)
      .join("\n");
    expect(summary).toContain("The final evaluation for *Medication safety* has closed: 4 of 6 answered.");
    expect(summary).toContain("What should future programmes learn from this one?");
    expect(summary).toContain('"Pay for carers\' travel from day one"');
    expect(summary).toContain('"Keep the check-ins"');

    // A year on, no scheduled review has gone out after the final evaluation.
    h.gateway.clear();
    for (let week = 1; week <= 52; week++) {
      h.clock.set(new Date(Date.parse("2026-12-08T10:00:00Z") + week * 7 * 86_400_000));
      await h.bot.tick();
    }
    expect(h.gateway.sent.filter((s) => s.text.includes("time for"))).toEqual([]);
  });
});
