import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../src/domain/time.ts";
import { textOf } from "../helpers/slack-api-mock.ts";
import {
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
};

describe("moving and repeating meetings through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    // Tuesday 8 December 2026, 10am in London.
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3"]);
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-15 14:00 Budget review" });
  });
  afterEach(async () => {
    await h.close();
  });

  const dmsTo = (user: string, words: string) =>
    h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === `D${user}` && textOf(c).includes(words));

  it("a move answers with the new time, and each member gets one message saying from when to when", async () => {
    const reply = await runCommand(h, { user: "U3", command: "/meeting", text: "move M-1 2026-12-17 10:00" });
    expect(reply).toContain("M-1 *Budget review* is moved to Thursday 17 December, 10am to midday");
    await h.bot.deliver();
    for (const user of ["U1", "U2"]) {
      const moved = dmsTo(user, "has moved from");
      expect(moved, user).toHaveLength(1);
      expect(textOf(moved[0] as never)).toContain(
        "*Budget review* (M-1) has moved from Tuesday 15 December, 2pm to Thursday 17 December, 10am",
      );
    }
    expect(dmsTo("U3", "has moved from")).toHaveLength(0);
  });

  it("a refused move is answered privately with an example", async () => {
    const reply = await runCommand(h, { user: "U3", command: "/meeting", text: "move M-1 next friday" });
    expect(reply).toContain("time of day");
    expect(reply).toContain("/meeting move M-3 next thursday 10am");
  });

  it("a series answers with every date it booked, through the umbrella command too", async () => {
    const reply = await runCommand(h, {
      user: "U1",
      command: "/commonpurpose",
      text: "meeting repeat M-1 every 2 weeks 2 times",
    });
    expect(reply).toContain("I booked 2 more meetings of *Budget review*");
    expect(reply).toContain("M-2 — Tuesday 29 December, 2pm to 4pm");
    expect(reply).toContain("M-3 — Tuesday 12 January 2027, 2pm to 4pm");
    const list = await runCommand(h, { user: "U2", command: "/meeting", text: "list" });
    expect(list).toContain("M-3 *Budget review*");
  });

  it("a video link reaches members as a Join the meeting button that opens it", async () => {
    await runCommand(h, {
      user: "U3",
      command: "/meeting",
      text: "place M-1 <https://meet.example.org/budget>",
    });
    h.clock.advance(6 * DAY + 4 * HOUR);
    await h.bot.tick();
    const reminder = dmsTo("U2", "a reminder that");
    expect(reminder).toHaveLength(1);
    const blocks = reminder[0]?.body.blocks as Array<{ elements?: Array<Record<string, unknown>> }>;
    const join = blocks.flatMap((b) => b.elements ?? []).find((e) => e.url);
    expect(join).toMatchObject({
      type: "button",
      url: "https://meet.example.org/budget",
      text: { text: "Join the meeting" },
    });
    expect(String(reminder[0]?.body.text)).toContain("Join the meeting: https://meet.example.org/budget");
  });

  it("pressing Join the meeting asks nothing of the bot: no reply, no new message", async () => {
    await runCommand(h, {
      user: "U3",
      command: "/meeting",
      text: "place M-1 https://meet.example.org/budget",
    });
    h.clock.advance(6 * DAY + 4 * HOUR);
    await h.bot.tick();
    const reminder = dmsTo("U2", "a reminder that")[0];
    const blocks = reminder?.body.blocks as Array<{ elements?: Array<{ action_id?: string; url?: string }> }>;
    const join = blocks.flatMap((b) => b.elements ?? []).find((e) => e.url);
    const before = h.api.calls.length;
    const response = await h.slack.interaction({
      type: "block_actions",
      user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: "t-join",
      container: { type: "message", channel_id: "DU2", message_ts: "1.1", is_ephemeral: false },
      channel: { id: "DU2", name: "directmessage" },
      message: { ts: "1.1", text: "reminder" },
      response_url: h.api.responseUrl("click-join"),
      actions: [
        { type: "button", block_id: "b", action_id: join?.action_id, url: join?.url, action_ts: "1" },
      ],
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await h.bot.deliver();
    expect(h.api.calls.slice(before)).toEqual([]);
  });
});
