import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RecordedCall, textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn, type SentButton } from "../helpers/slack-buttons.ts";
import {
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
  submitModal,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" }, // coordinator
  U2: { name: "Sam Jones" }, // member
  U3: { name: "Chris Lee" }, // chair
  U4: { name: "Lee Park" }, // member
};

describe("ground rules and closing in Slack (the real Bolt receiver)", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  async function next(method: string, seen: number): Promise<RecordedCall> {
    await h.api.waitFor(method, () => h.api.accepted(method).length > seen);
    return h.api.accepted(method)[seen] as RecordedCall;
  }

  const click = (user: string, channel: string, ts: string, button: SentButton, ephemeral = false) =>
    h.slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: `trigger-${user}`,
      container: { type: "message", channel_id: channel, message_ts: ts, is_ephemeral: ephemeral },
      channel: { id: channel, name: channel.startsWith("D") ? "directmessage" : "group" },
      message: { ts, text: "x" },
      response_url: h.api.responseUrl(`click-${user}-${ts}`),
      actions: [
        { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
      ],
    });

  it("asks members privately, takes an anonymous answer from a modal, and shows the chair nothing while it is open", async () => {
    const asked = await runCommand(h, { user: "U3", channel: "C1", command: "/groundrules", text: "ask" });
    expect(asked).toContain("I've sent the ground-rules questions privately to 3 members");
    await h.bot.deliver();
    const invites = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("would like to hear how you think"));
    expect(invites.map((c) => c.body.channel).sort()).toEqual(["DU1", "DU2", "DU4"]);
    const sam = invites.find((c) => c.body.channel === "DU2") as RecordedCall;
    const ts = String(sam.response?.ts);
    const modals = h.api.accepted("views.open").length;
    expect((await click("U2", "DU2", ts, buttonIn(sam, "Answer the questions"))).status).toBe(200);
    const open = await next("views.open", modals);
    const view = open.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id: string }>;
    };
    expect(view.blocks.filter((b) => /^q\d$/.test(b.block_id))).toHaveLength(9);
    const updates = h.api.accepted("chat.update").length;
    const submitted = await submitModal(h, {
      user: "U2",
      view,
      trigger: "trigger",
      values: {
        q2: { q2: { type: "plain_text_input", value: "Go round the table" } },
        q3: { q3: { type: "plain_text_input", value: null } },
        share: { share: { type: "radio_buttons", selected_option: { value: "anonymous" } } },
      },
    });
    expect(submitted.status).toBe(200);
    const thanks = await next("chat.update", updates);
    expect(thanks.body.channel).toBe("DU2");
    expect(textOf(thanks)).toContain(
      "Your answers will go to the chairs when the questions close, without your name.",
    );
    expect(h.db.prepare("SELECT answer FROM ground_rules_anonymous_answers").pluck().all()).toEqual([
      "Go round the table",
    ]);

    const summary = await runCommand(h, {
      user: "U3",
      channel: "C1",
      command: "/groundrules",
      text: "summary",
    });
    expect(summary).toContain("So far 1 of 3 members have answered.");
    expect(summary).not.toContain("Go round the table");
  });

  it("closes only after the coordinator confirms with a button, then refuses changes and keeps lists working", async () => {
    const id = "close-1";
    const response = await h.slack.command({
      user_id: "U1",
      user_name: "u1",
      channel_id: "C1",
      command: "/workstream",
      text: "close",
      response_url: h.api.responseUrl(id),
    });
    expect(response.status).toBe(200);
    const prompt = await h.api.waitFor("response_url", (c) => c.path === `/respond/${id}`);
    expect(textOf(prompt)).toContain("Close *Medication safety*?");
    expect(h.store.workstreams.all()[0]?.closedAt).toBeNull();

    const posts = h.api.accepted("chat.postMessage").length;
    expect((await click("U1", "C1", "1.0", buttonIn(prompt, "Yes, close it"), true)).status).toBe(200);
    const replaced = await h.api.waitFor("response_url", (c) => c.path === "/respond/click-U1-1.0");
    expect(replaced.body.replace_original).toBe(true);
    expect(textOf(replaced)).toContain("*Medication safety* is closed.");
    expect(h.store.workstreams.all()[0]?.closedAt).toBeInstanceOf(Date);
    await h.bot.deliver();
    const post = await next("chat.postMessage", posts);
    expect(post.body.channel).toBe("C1");
    expect(textOf(post)).toContain("*Medication safety* has now closed.");

    const refused = await runCommand(h, {
      user: "U3",
      channel: "C1",
      command: "/meeting",
      text: "schedule 2026-12-15 14:00 Next",
    });
    expect(refused).toContain(
      "Medication safety was closed on Tuesday 8 December, so nothing in it can be changed now.",
    );
    const list = await runCommand(h, { user: "U2", channel: "C1", command: "/groundrules", text: "" });
    expect(list).toContain("1. How will the group get to know one another? — not agreed yet");
  });
});
