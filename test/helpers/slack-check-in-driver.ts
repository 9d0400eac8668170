import { expect } from "vitest";
import { type RecordedCall, textOf } from "./slack-api-mock.ts";
import { buttonIn } from "./slack-buttons.ts";
import type { SlackHarness } from "./slack-harness.ts";

/** One check-in step: a button label, or "Write something" with the note to type in its form. */
export type SlackStep = string | { comment: string };

/**
 * Answers check-ins as Slack users do: the bot's DM is found in what it posted, each click is a
 * signed block_actions request through the real receiver, and the screen is whatever the bot's
 * chat.update last made of that message. A comment goes through the real modal.
 */
export function slackCheckInDriver(h: SlackHarness) {
  const latest = (user: string): RecordedCall => {
    const channel = `D${user}`;
    const posted = h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === channel && textOf(c).includes("a short check-in after"))
      .at(-1);
    expect(posted, `${user} was sent a check-in`).toBeDefined();
    const ts = String((posted as RecordedCall).response?.ts);
    return (
      h.api
        .accepted("chat.update")
        .filter((c) => c.body.channel === channel && c.body.ts === ts)
        .at(-1) ?? (posted as RecordedCall)
    );
  };
  const userOf = (user: string) => ({ id: user, username: user.toLowerCase(), name: user, team_id: "T1" });

  async function click(user: string, label: string) {
    const screen = latest(user);
    const button = buttonIn(screen, label);
    const ts = String(screen.body.ts ?? screen.response?.ts);
    const updates = h.api.accepted("chat.update").length;
    const modals = h.api.accepted("views.open").length;
    const response = await h.slack.interaction({
      type: "block_actions",
      user: userOf(user),
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: `trigger-${user}-${updates}`,
      container: { type: "message", channel_id: `D${user}`, message_ts: ts, is_ephemeral: false },
      channel: { id: `D${user}`, name: "directmessage" },
      message: { ts, text: "check-in" },
      response_url: h.api.responseUrl(`click-${user}-${updates}`),
      actions: [
        {
          type: "button",
          block_id: button.blockId,
          action_id: button.action_id,
          value: button.value,
          action_ts: "1",
        },
      ],
    });
    expect(response.status).toBe(200);
    if (label === "Write something")
      await h.api.waitFor("views.open", () => h.api.accepted("views.open").length > modals);
    else await h.api.waitFor("chat.update", () => h.api.accepted("chat.update").length > updates);
  }

  async function comment(user: string, text: string) {
    await click(user, "Write something");
    const open = h.api.accepted("views.open").at(-1) as RecordedCall;
    const view = open.body.view as { callback_id: string; private_metadata: string };
    const updates = h.api.accepted("chat.update").length;
    const response = await h.slack.interaction({
      type: "view_submission",
      user: userOf(user),
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: `submit-${user}`,
      view: {
        id: `V-${user}-${updates}`,
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { comment: { comment: { type: "plain_text_input", value: text } } } },
        hash: "h",
      },
    });
    expect(response.status).toBe(200);
    await h.api.waitFor("chat.update", () => h.api.accepted("chat.update").length > updates);
  }

  return {
    screen: (user: string) => textOf(latest(user)),
    click,
    /** Answers the whole check-in, step by step. */
    async answer(user: string, steps: SlackStep[]) {
      for (const step of steps) {
        if (typeof step === "string") await click(user, step);
        else await comment(user, step.comment);
      }
    },
  };
}
