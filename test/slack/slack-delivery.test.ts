import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
  UB: { name: "Calendar bot", bot: true },
};

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Slack delivery", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS, channelMembers: { C1: ["U1", "U2", "UB", "U3", "U4"] } });
    await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
  });
  afterEach(async () => {
    await h.close();
  });

  const dmCommand = (text: string) => ({
    type: "message",
    channel_type: "im",
    channel: "DU1",
    user: "U1",
    text,
    ts: "5.1",
    event_ts: "5.1",
  });
  const repliesIn = (channel: string, phrase: string) =>
    h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === channel && textOf(c).includes(phrase));

  it("answers a command sent in a DM once, however often Slack retries the same event", async () => {
    await runCommand(h, { user: "U1", command: "/meeting", text: "schedule 2026-12-10 14:00 Budget review" });
    const event = dmCommand("meeting list");
    expect((await h.slack.event("Ev-list", event)).status).toBe(200);
    for (const retry of ["1", "2", "3"]) {
      const headers = { "x-slack-retry-num": retry, "x-slack-retry-reason": "http_timeout" };
      expect((await h.slack.event("Ev-list", event, { headers })).status).toBe(200);
    }
    await h.api.waitFor("chat.postMessage", (c) => c.body.channel === "DU1");
    await pause(300);
    expect(repliesIn("DU1", "Budget review")).toHaveLength(1);
  });

  it("still answers a retry whose first delivery never arrived", async () => {
    const headers = { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" };
    await h.slack.event("Ev-only-retry", dmCommand("help"), { headers });
    const reply = await h.api.waitFor("chat.postMessage", (c) => c.body.channel === "DU1");
    expect(textOf(reply)).toContain("/meeting");
  });

  it("ignores the bot's own and edited messages in DMs", async () => {
    await h.slack.event("Ev-bot", { ...dmCommand("help"), bot_id: "BBOT" });
    await h.slack.event("Ev-edit", { ...dmCommand("help"), subtype: "message_changed" });
    await pause(300);
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === "DU1")).toHaveLength(0);
  });

  it("delivers every welcome exactly once when Slack rate-limits, after Retry-After", async () => {
    h.api.rateLimit("chat.postMessage", 2);
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U2> <@U3> <@U4>" });
    await h.bot.deliver();
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.status === 429).length).toBe(1);
    // The sender paused Slack for Retry-After (1 s): nothing more goes until the clock passes it.
    expect(h.api.accepted("chat.postMessage")).toHaveLength(0);
    h.clock.advance(1500);
    await h.bot.deliver();
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.status === 429).length).toBe(2);
    h.clock.advance(1500);
    await h.bot.deliver();
    const welcomes = h.api.accepted("chat.postMessage").filter((c) => textOf(c).includes("Welcome"));
    expect(welcomes.map((c) => c.body.channel).sort()).toEqual(["DU2", "DU3", "DU4"]);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, sent: 3, failed: 0 });
  });

  it("adds everyone in the channel except bots with /workstream sync, with their real names", async () => {
    const reply = await runCommand(h, { user: "U1", command: "/workstream", text: "sync" });
    expect(reply).toContain("Added Sam Jones, Chris Lee and Lee Park");
    expect(reply).not.toContain("Calendar bot");
    // Three pages of two: the stand-in pages conversations.members.
    expect(h.api.callsTo("conversations.members")).toHaveLength(3);
  });

  it("gives up on someone Slack says cannot be reached, without retrying", async () => {
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@UGONE|ghost>" });
    await h.bot.deliver();
    h.clock.advance(60 * 60_000);
    await h.bot.deliver();
    expect(h.api.callsTo("conversations.open").filter((c) => c.body.users === "UGONE")).toHaveLength(1);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, failed: 1 });
  });

  it("remembers each DM channel in the database, so a restart does not open them all again", async () => {
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U2>" });
    await h.bot.deliver();
    const slackData = h.bot.adapterData("slack");
    expect(slackData.get("dm:U2")).toBe("DU2");
    // A DM channel already on record (from before a restart) is used as it is.
    slackData.put("dm:U3", "DSAVED3", "slack:U3");
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U3>" });
    await h.bot.deliver();
    expect(h.api.callsTo("conversations.open").map((c) => c.body.users)).toEqual(["U2"]);
    expect(h.api.accepted("chat.postMessage").some((c) => c.body.channel === "DSAVED3")).toBe(true);
  });
});
