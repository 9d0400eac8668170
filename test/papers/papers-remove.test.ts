import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const CORRECTION = "*Budget 2027* has been taken off the papers for *Medication review*";

// Tuesday 1 December 2026, 10am in London; M-1 is on Friday 11 December, 2pm.
async function meetingWithTwoPapers() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
  await h.say("chris", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
  await h.say("chris", "/papers add M-1 https://example.org/safety.pdf Safety report");
  await h.bot.deliver();
  h.gateway.clear();
}

const corrections = () => h.gateway.sent.filter((s) => s.text.includes(CORRECTION));

describe("taking a paper off a meeting (/papers remove)", () => {
  it("tells each member who already had it, once, that they don't need to read it", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/papers send M-1");
    await h.bot.deliver();
    h.gateway.clear();
    const reply = await h.say("cora", "/papers remove PA-1");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Taken *Budget 2027* (PA-1) off the papers for M-1 *Medication review*.");
    expect(reply.text).toContain("5 members who already had it will get a short note");
    await h.bot.deliver();
    expect(
      corrections()
        .map((s) => s.address)
        .sort(),
    ).toEqual(["test:chris", "test:cora", "test:kim", "test:lee", "test:sam"]);
    expect(h.gateway.to("test:sam")[0]?.text).toBe(
      "*Budget 2027* has been taken off the papers for *Medication review* on Friday 11 December, 2pm. You don't need to read it.",
    );
    // Asking again finds nothing to remove, and nobody is told twice.
    const again = await h.say("cora", "/papers remove PA-1");
    expect(again.error).toBe("papers.not-found");
    await h.bot.tick();
    await h.bot.deliver();
    expect(corrections()).toHaveLength(5);
    // The paper is gone from the list and from the reminder.
    const list = await h.say("sam", "/papers M-1");
    expect(list.text).not.toContain("Budget 2027");
    expect(list.text).toContain("Safety report");
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const reminder = h.gateway.sent.find((s) => s.text.includes("gentle reminder about the papers"));
    expect(reminder?.text).toContain("Safety report");
    expect(reminder?.text).not.toContain("Budget 2027");
  });

  it("tells nobody when the papers have not gone out yet, and sends it to nobody later", async () => {
    await meetingWithTwoPapers();
    const reply = await h.say("chris", "/papers remove PA-1");
    expect(reply.text).toContain("Nobody had it yet");
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const sams = h.gateway
      .to("test:sam")
      .map((s) => s.text)
      .join("\n");
    expect(sams).toContain("Safety report");
    expect(sams).toContain("There is 1 paper.");
    expect(sams).not.toContain("Budget 2027");
    expect(corrections()).toHaveLength(0);
  });

  it("does not correct someone added after the papers went out, who never had it", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/papers send M-1");
    await h.bot.deliver();
    await h.say("cora", "/workstream add <@tess|Tess> as carer");
    await h.say("cora", "/papers remove PA-1");
    await h.bot.deliver();
    expect(corrections().map((s) => s.address)).not.toContain("test:tess");
    expect(corrections()).toHaveLength(5);
  });

  it("corrects a late paper only for those it reached, and holds back one still waiting", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/papers send M-1");
    await h.bot.deliver();
    // Late in the evening (quiet hours from 8pm): the late paper waits for the morning.
    h.clock.set("2026-12-01T21:00:00Z");
    const late = await h.say("chris", "/papers add M-1 https://example.org/late.pdf Late figures");
    expect(late.error).toBeUndefined();
    await h.bot.deliver();
    expect(h.gateway.sent.filter((s) => s.text.includes("Late figures"))).toHaveLength(0);
    const reply = await h.say("chris", "/papers remove PA-3");
    expect(reply.text).toContain("Nobody had it yet");
    h.clock.set("2026-12-02T09:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    // Neither the late paper nor a correction for it reaches anyone.
    expect(h.gateway.sent.filter((s) => s.text.includes("Late figures"))).toHaveLength(0);

    // A late paper that did go out is corrected for everyone it reached, and only them.
    await h.say("chris", "/papers add M-1 https://example.org/more.pdf More figures");
    await h.bot.deliver();
    expect(h.gateway.sent.filter((s) => s.text.includes("More figures"))).toHaveLength(5);
    const removed = await h.say("chris", "/papers remove PA-4");
    expect(removed.text).toContain("5 members who already had it");
    await h.bot.deliver();
    expect(
      h.gateway.sent.filter((s) => s.text.includes("*More figures* has been taken off the papers")),
    ).toHaveLength(5);
  });

  it("does not keep the paper's number for another one", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/papers remove PA-2");
    const added = await h.say("chris", "/papers add M-1 https://example.org/new.pdf New paper");
    expect(added.text).toContain("PA-3 *New paper*");
  });

  it("is refused for a meeting that has ended or was cancelled, and for members", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/meeting schedule 2026-12-18 14:00 Later");
    await h.say("chris", "/papers add M-2 https://example.org/later.pdf Later paper");
    await h.say("cora", "/meeting cancel M-2");
    const cancelled = await h.say("chris", "/papers remove PA-3");
    expect(cancelled.error).toBe("papers.remove-closed");
    expect(cancelled.text).toContain("was cancelled");

    const member = await h.say("sam", "/papers remove PA-1");
    expect(member.error).toBe("permission.denied");

    const wrong = await h.say("chris", "/papers remove M-1");
    expect(wrong.error).toBe("papers.remove");
    expect(wrong.text).toContain("/papers remove PA-2");
    const missing = await h.say("chris", "/papers remove PA-9");
    expect(missing.error).toBe("papers.not-found");

    h.clock.set("2026-12-11T17:00:00Z");
    await h.bot.tick();
    const ended = await h.say("chris", "/papers remove PA-1");
    expect(ended.error).toBe("papers.remove-closed");
    expect(ended.text).toContain("has ended");
    const list = await h.say("chris", "/papers M-1");
    expect(list.text).toContain("Budget 2027");
  });
});
