import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RecordedCall, textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn } from "../helpers/slack-buttons.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";
import { documented } from "./inbound.ts";

/**
 * Slack's own example payloads (test/fixtures/inbound/slack, sources in SOURCES.md), signed with
 * the test signing secret and posted to the real Bolt receiver. Each test names the fields it
 * swaps for ids this workspace knows; every other field is as Slack documents it.
 */

// The people of Slack's examples, with the names users.info gives them here.
const STEVE = "U2147483697"; // slash command and message.im
const JACK = "UA8RXUSPL"; // block_actions ("jtorrance")
const HOME_USER = "U123ABC456"; // app_home_opened
const USERS = {
  [STEVE]: { name: "Steve Rogers" },
  [JACK]: { name: "Jack Torrance" },
  [HOME_USER]: { name: "Ada Home" },
  U1: { name: "Kim Patel" },
  U3: { name: "Chris Lee" },
};
// The channel of Slack's slash command example.
const DOC_CHANNEL = "C2147483705";

describe("Slack's documented payloads, through the real Bolt receiver", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers the documented slash command privately, with the enterprise fields Slack sends", async () => {
    await runCommand(h, {
      user: STEVE,
      channel: DOC_CHANNEL,
      command: "/workstream",
      text: "setup Medication safety",
    });
    const payload = documented<Record<string, string>>("slack/slash-command");
    // Ours instead of /weather 94070; the answer goes to the stand-in, not hooks.slack.com.
    payload.command = "/workstream";
    payload.text = "";
    payload.response_url = h.api.responseUrl("doc-slash");

    const response = await h.slack.command(payload);
    expect(response.status).toBe(200);
    const answer = await h.api.waitFor("response_url", (c) => c.path === "/respond/doc-slash");
    expect(answer.body.response_type).toBe("ephemeral");
    expect(textOf(answer)).toContain("Medication safety");
    // Nothing went to the channel for everyone to read.
    expect(h.api.accepted("chat.postMessage").filter((c) => c.body.channel === DOC_CHANNEL)).toEqual([]);
  });

  describe("a reminder's buttons, clicked as Slack documents block_actions and view_submission", () => {
    let reminder: RecordedCall;
    beforeEach(async () => {
      await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
      await runCommand(h, { user: "U1", command: "/workstream", text: `add <@${JACK}> <@U3>` });
      await runCommand(h, { user: "U1", command: "/workstream", text: "role <@U3> chair" });
      await runCommand(h, {
        user: "U1",
        command: "/meeting",
        text: "schedule 2026-12-09 09:00 Budget review",
      });
      await h.bot.tick();
      reminder = await h.api.waitFor(
        "chat.postMessage",
        (c) => c.body.channel === `D${JACK}` && textOf(c).includes("Budget review"),
      );
    });

    /** Slack's block_actions example, clicking `label` on the reminder Jack was sent. */
    function documentedClick(label: string, trigger: string) {
      const button = buttonIn(reminder, label);
      const ts = String(reminder.response?.ts);
      const payload = documented<{
        container: Record<string, unknown>;
        channel: Record<string, unknown>;
        message: Record<string, unknown>;
        actions: Array<Record<string, unknown>>;
        [key: string]: unknown;
      }>("slack/block-actions");
      // Where the message is, and which of its buttons: the bot's, not Slack's "View" example.
      payload.container.channel_id = `D${JACK}`;
      payload.container.message_ts = ts;
      payload.channel.id = `D${JACK}`;
      payload.message.ts = ts;
      payload.actions[0] = { ...payload.actions[0], action_id: button.action_id, value: button.value };
      payload.trigger_id = trigger;
      payload.response_url = h.api.responseUrl(`click-${trigger}`);
      return h.slack.interaction(payload);
    }

    it('records the documented click on "I\'ll be there" and replaces the reminder', async () => {
      expect((await documentedClick("I'll be there", "doc-yes")).status).toBe(200);
      const update = await h.api.waitFor("chat.update", (c) => c.body.channel === `D${JACK}`);
      expect(update.body.ts).toBe(reminder.response?.ts);
      expect(JSON.stringify(update.body.blocks)).not.toContain('"button"');
      const ws = h.store.workstreams.byChannel("slack:C1");
      const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
      const jack = h.store.people.byKey(`slack:${JACK}`);
      expect(h.store.meetings.attendance(meeting?.id ?? -1, jack?.id ?? -1)).toBe("yes");
    });

    it('opens the form for "I can\'t make it" and records the documented view_submission', async () => {
      expect((await documentedClick("I can't make it", "doc-no")).status).toBe(200);
      const open = await h.api.waitFor("views.open");
      expect(open.body.trigger_id).toBe("doc-no");
      const form = open.body.view as { callback_id: string; private_metadata: string };

      const payload = documented<{ user: Record<string, unknown>; view: Record<string, unknown> }>(
        "slack/view-submission",
      );
      // Jack submits our form (Slack's example is someone else's modal), writing in its note field.
      payload.user = { ...payload.user, id: JACK, name: "jtorrance" };
      payload.view.callback_id = form.callback_id;
      payload.view.private_metadata = form.private_metadata;
      payload.view.state = {
        values: { note: { note: { type: "plain_text_input", value: "This is my example inputted value" } } },
      };
      const submitted = await h.slack.interaction(payload);
      expect(submitted.status).toBe(200);
      await h.api.waitFor("chat.update", (c) => c.body.channel === `D${JACK}`);
      const ws = h.store.workstreams.byChannel("slack:C1");
      const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
      const jack = h.store.people.byKey(`slack:${JACK}`);
      expect(h.store.meetings.attendance(meeting?.id ?? -1, jack?.id ?? -1)).toBe("no");
      // The note reaches the chair, Chris, privately.
      await h.bot.deliver();
      const note = h.api
        .accepted("chat.postMessage")
        .filter((c) => textOf(c).includes("This is my example inputted value"));
      expect(note.map((c) => c.body.channel)).toEqual(["DU3"]);
    });

    it("changes nothing for Slack's own example click, a button that is not ours", async () => {
      const payload = documented("slack/block-actions");
      payload.response_url = h.api.responseUrl("doc-foreign");
      expect((await h.slack.interaction(payload)).status).toBe(200);
      await h.bot.deliver();
      expect(h.api.callsTo("chat.update")).toEqual([]);
      expect(h.api.callsTo("views.open")).toEqual([]);
    });
  });

  it("publishes the App Home for the documented app_home_opened event", async () => {
    const event = documented("slack/app-home-opened");
    expect((await h.slack.event("Ev-doc-home", event)).status).toBe(200);
    const publish = await h.api.waitFor("views.publish");
    expect(publish.body.user_id).toBe(HOME_USER);
    expect((publish.body.view as { type: string }).type).toBe("home");
  });

  it("answers the documented direct message with the help hint, once even if Slack retries it", async () => {
    const envelope = documented("slack/message-im");
    const body = JSON.stringify(envelope);
    expect((await h.slack.post(body, "application/json")).status).toBe(200);
    const reply = await h.api.waitFor("chat.postMessage", (c) => c.body.channel === "D024BE91L");
    expect(textOf(reply)).toMatch(/help/i);

    // Slack retries with the same event_id when it thinks the first delivery failed.
    const retry = await h.slack.post(body, "application/json", {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect(h.api.accepted("chat.postMessage").filter((c) => c.body.channel === "D024BE91L")).toHaveLength(1);
  });
});
