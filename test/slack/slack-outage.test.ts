import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
};

describe("a Slack outage of 40 minutes", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  /** What Kim (the coordinator) types, straight to the bot: Slack itself is down. */
  const kimSays = (text: string) =>
    h.bot.command({
      platform: "slack",
      actor: { key: "slack:U1", name: "Kim Patel", dm: "slack:U1" },
      channel: "slack:C1",
      text,
    });
  /**
   * The bot as main.ts runs it (adapters/cron/ticker.ts): a tick each minute, and between ticks
   * a poll each second that delivers whatever retry has come due.
   */
  const runFor = async (minutes: number) => {
    for (let second = 1; second <= minutes * 60; second++) {
      h.clock.advance(1000);
      if (second % 60 === 0) await h.bot.tick();
      else {
        const next = h.bot.nextDueAt();
        if (next && next.getTime() <= h.clock.now().getTime()) await h.bot.deliver();
      }
    }
  };
  const welcomesTo = (channel: string) =>
    h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === channel && textOf(c).includes("Welcome"));

  it("delivers every message queued during it within five minutes of Slack coming back, and gives none up", async () => {
    h.api.setDown(true);
    await kimSays("/workstream add <@U2|Sam Jones> <@U3|Chris Lee> <@U4|Lee Park>");
    await runFor(40);
    expect(h.api.accepted("chat.postMessage")).toHaveLength(0);
    expect(h.api.callsTo("conversations.open").length).toBeGreaterThan(12);
    h.api.setDown(false);
    await runFor(5);
    for (const channel of ["DU2", "DU3", "DU4"]) expect(welcomesTo(channel), channel).toHaveLength(1);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, failed: 0 });
  });

  it("tells the coordinator in the next digest how many went stale while Slack was down, without names", async () => {
    await kimSays("/workstream add <@U2|Sam Jones> <@U3|Chris Lee> <@U4|Lee Park>");
    await kimSays("/meeting schedule 2026-12-17 14:00 Planning");
    await h.bot.deliver();
    // Slack goes down; a meeting in 20 minutes is booked and then cancelled. By the time Slack
    // is back the cancellations no longer make sense to send.
    h.api.setDown(true);
    await kimSays("/meeting schedule 2026-12-08 10:20 for 30m Quick catch-up");
    await kimSays("/meeting cancel M-2");
    await runFor(40);
    h.api.setDown(false);
    await runFor(5);
    const cancelled = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("has been cancelled"));
    expect(cancelled).toHaveLength(0);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, failed: 0 });

    await runCommand(h, { user: "U1", command: "/digest", text: "now" });
    await h.bot.deliver();
    const digest = h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === "DU1" && textOf(c).includes("here is your digest"));
    expect(digest).toHaveLength(1);
    const text = textOf(digest[0] as (typeof digest)[number]);
    expect(text).toContain("3 messages could not be delivered while Slack was unavailable");
    for (const name of ["Sam", "Chris", "Lee"]) expect(text).not.toContain(name);

    // Counted once: the next digest does not repeat it.
    h.clock.advance(60 * 60_000);
    await runCommand(h, { user: "U1", command: "/digest", text: "now" });
    await h.bot.deliver();
    const later = h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === "DU1" && textOf(c).includes("here is your digest"));
    expect(later).toHaveLength(2);
    expect(textOf(later[1] as (typeof later)[number])).not.toContain("could not be delivered");
  });
});
