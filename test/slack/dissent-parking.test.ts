import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn } from "../helpers/slack-buttons.ts";
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
  U4: { name: "Lee Park" },
};

/** The button, and its block, in a message the bot sent, as Slack would show it. */

describe("dissent and parking in Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  it("a chair records a member's view; the member edits it in a form; the channel and the list show the history", async () => {
    const reply = await runCommand(h, { user: "U3", command: "/dissent", text: "<@U2> The rota is unsafe" });
    expect(reply).toContain("D-1 is recorded");
    await h.bot.deliver();
    const dm = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU2" && textOf(c).includes("fair record"),
    );
    expect(textOf(dm)).toContain(
      'Chris Lee recorded your view: "The rota is unsafe". Is this a fair record of your view?',
    );
    const record = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C1" && textOf(c).includes("(D-1)"),
    );
    expect(textOf(record)).toContain("Chris Lee recorded Sam Jones's view (D-1)");

    const button = buttonIn(dm, "Edit the wording");
    const ts = String(dm.response?.ts);
    const clicked = await h.slack.interaction({
      type: "block_actions",
      user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: "trigger-edit",
      container: { type: "message", channel_id: "DU2", message_ts: ts, is_ephemeral: false },
      channel: { id: "DU2", name: "directmessage" },
      message: { ts, text: "dissent" },
      response_url: h.api.responseUrl("click-edit"),
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
    expect(clicked.status).toBe(200);
    const open = await h.api.waitFor("views.open");
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(JSON.stringify(open.body.view)).toContain("The rota is unsafe");

    const submitted = await h.slack.interaction({
      type: "view_submission",
      user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: "trigger-submit",
      view: {
        id: "V1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            view: { view: { type: "plain_text_input", value: "The rota is unsafe for night staff" } },
          },
        },
        hash: "h",
      },
    });
    expect(submitted.status).toBe(200);
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(textOf(update)).toContain('D-1 now reads: "The rota is unsafe for night staff"');
    await h.bot.deliver();
    const edited = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C1" && textOf(c).includes("changed the wording"),
    );
    expect(textOf(edited)).toContain('(it was: "The rota is unsafe")');

    const list = await runCommand(h, { user: "U4", command: "/dissent", text: "list" });
    expect(list).toContain("Sam Jones's view, confirmed");
    expect(list).toContain('Wording changed by Sam Jones (it was: "The rota is unsafe")');
  });

  it("tells a member who tries /park what they can do instead", async () => {
    const reply = await runCommand(h, { user: "U4", command: "/park", text: "Transport costs" });
    expect(reply).toBe(
      "Only the chair or coordinator can park an issue. You can record your own view with `/dissent your view`.",
    );
    const parked = await runCommand(h, {
      user: "U3",
      command: "/park",
      text: "Transport costs revisit 2027-01-12 owner <@U4>",
    });
    expect(parked).toContain("P-1 is parked: *Transport costs*. Owner: Lee Park.");
    expect(parked).toContain("Revisit: Tuesday 12 January.");
    expect(await runCommand(h, { user: "U4", command: "/parked" })).toContain(
      "P-1 *Transport costs* — owner Lee Park",
    );
  });
});
