import { afterEach, describe, expect, it } from "vitest";
import type { Button, Message } from "../../src/messages/message.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const HOUR = 3_600_000;
const buttonsOf = (m: Message): Button[] => m.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : []));

async function close() {
  const reply = await h.bot.command({
    platform: "test",
    actor: h.person("cora"),
    channel: h.channel,
    text: "/workstream close",
  });
  const yes = buttonsOf(reply.message).find((b) => b.label === "Yes, close it");
  if (!yes) throw new Error("no confirm button");
  h.bot.action({ platform: "test", actor: h.person("cora"), action: yes.action, value: yes.value });
}

/**
 * Quiet hours hold direct messages until the morning. A workstream closed while some wait must
 * not send them afterwards: "no more reminders" (PRODUCT.md §13), and their buttons would only
 * answer that it is closed.
 */
describe("messages held by quiet hours when the workstream closes", () => {
  it("drops a review reminder and ground-rules questions still waiting; only the final evaluation goes", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" }); // Tuesday 10am
    await seedGroup(h);
    await h.say("chris", "/review start");
    await h.bot.deliver();
    // Friday, just before the review's one reminder: a quiet morning holds what is queued now.
    h.clock.advance(3 * 24 * HOUR - HOUR);
    await h.say("cora", "/workstream set quiet-hours 08:00-13:00");
    h.clock.advance(HOUR);
    await h.bot.tick();
    await h.say("chris", "/groundrules ask");
    await h.bot.tick();
    await h.bot.deliver();
    h.gateway.clear();

    await close();
    h.clock.advance(4 * HOUR); // past the quiet morning
    await h.bot.tick();
    await h.bot.deliver();
    const sam = h.gateway.to("test:sam").map((s) => s.text);
    expect(sam.some((t) => t.includes("A gentle reminder about the review"))).toBe(false);
    expect(sam.some((t) => t.includes("would like to hear how you think"))).toBe(false);
    expect(sam.filter((t) => t.includes("Would you tell us how it went?"))).toHaveLength(1);
  });
});
