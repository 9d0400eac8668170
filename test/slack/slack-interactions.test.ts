import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RecordedCall, textOf } from "../helpers/slack-api-mock.ts";
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

/** The button a person sees in the message the bot sent them, as Slack would show it. */

describe("Slack buttons and forms", () => {
  let h: SlackHarness;
  let meetingId: number;
  let reminders: Map<string, RecordedCall>;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await runCommand(h, { user: "U1", command: "/meeting", text: "schedule 2026-12-09 09:00 Budget review" });
    const ws = h.store.workstreams.byChannel("slack:C1");
    meetingId = h.store.meetings.bySeq(ws?.id ?? -1, 1)?.id ?? -1;
    // The day-before reminder falls due now (the meeting is tomorrow afternoon).
    await h.bot.tick();
    reminders = new Map(
      h.api
        .accepted("chat.postMessage")
        .filter((c) => textOf(c).includes("a reminder that *Budget review*"))
        .map((c) => [String(c.body.channel), c]),
    );
  });
  afterEach(async () => {
    await h.close();
  });

  const personId = (user: string) => h.store.people.byKey(`slack:${user}`)?.id ?? -1;
  const postedTs = (channel: string) => {
    const call = reminders.get(channel);
    if (!call) throw new Error(`no reminder in ${channel}`);
    return call;
  };
  const tsOf = (channel: string) => String(postedTs(channel).response?.ts);

  function click(user: string, channel: string, label: string, triggerId: string) {
    const button = buttonIn(postedTs(channel), label);
    return h.slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: triggerId,
      container: { type: "message", channel_id: channel, message_ts: tsOf(channel), is_ephemeral: false },
      channel: { id: channel, name: "directmessage" },
      message: { ts: tsOf(channel), text: "reminder" },
      response_url: h.api.responseUrl(`click-${user}`),
      actions: [
        {
          type: "button",
          block_id: "buttons-2-0",
          action_id: button.action_id,
          value: button.value,
          action_ts: "1",
        },
      ],
    });
  }

  it('records "I\'ll be there" and replaces the reminder so it cannot be answered twice', async () => {
    expect([...reminders.keys()].sort()).toEqual(["DU1", "DU2", "DU3", "DU4"]);
    expect((await click("U2", "DU2", "I'll be there", "trigger-yes")).status).toBe(200);
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(update.body.ts).toBe(tsOf("DU2"));
    expect(textOf(update)).toContain("Thanks, Sam Jones — see you at *Budget review*.");
    expect(JSON.stringify(update.body.blocks)).not.toContain("button");
    expect(h.store.meetings.attendance(meetingId, personId("U2"))).toBe("yes");
  });

  it('opens a form for "I can\'t make it", records no, and passes the note privately to the chair', async () => {
    expect((await click("U4", "DU4", "I can't make it", "trigger-no")).status).toBe(200);
    const open = await h.api.waitFor("views.open");
    expect(open.body.trigger_id).toBe("trigger-no");
    const view = open.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ type: string; block_id?: string }>;
    };
    expect(view.blocks.some((b) => b.type === "input" && b.block_id === "note")).toBe(true);
    // Nothing is recorded until the form is sent.
    expect(h.store.meetings.attendance(meetingId, personId("U4"))).toBeUndefined();

    const submitted = await h.slack.interaction({
      type: "view_submission",
      user: { id: "U4", username: "u4", name: "u4", team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: "trigger-submit",
      view: {
        id: "V1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: { note: { note: { type: "plain_text_input", value: "Hospital appointment, sorry." } } },
        },
        hash: "h",
      },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe("");
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU4");
    expect(textOf(update)).toContain("We'll miss you at *Budget review*");
    expect(h.store.meetings.attendance(meetingId, personId("U4"))).toBe("no");

    await h.bot.deliver();
    const toChair = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("Hospital appointment, sorry."));
    expect(toChair.map((c) => c.body.channel)).toEqual(["DU3"]);
    expect(textOf(toChair[0] as RecordedCall)).toContain("Lee Park can't come to M-1");
  });

  it("answers a click on a cancelled meeting privately and records nothing", async () => {
    await runCommand(h, { user: "U1", command: "/meeting", text: "cancel M-1" });
    await click("U2", "DU2", "I'll be there", "trigger-late");
    const reply = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU2" && textOf(c).includes("That meeting is cancelled"),
    );
    expect(reply).toBeDefined();
    expect(h.api.callsTo("chat.update")).toHaveLength(0);
    expect(h.store.meetings.attendance(meetingId, personId("U2"))).toBeUndefined();
  });

  it("ignores a malformed form submission without crashing", async () => {
    const response = await h.slack.interaction({
      type: "view_submission",
      user: { id: "U4" },
      team: { id: "T1" },
      view: {
        id: "V9",
        callback_id: "commonpurpose.form",
        private_metadata: "not json",
        state: { values: {} },
      },
    });
    expect(response.status).toBe(200);
    expect(h.store.meetings.attendance(meetingId, personId("U4"))).toBeUndefined();
    // Still answering afterwards.
    expect(await runCommand(h, { user: "U2", command: "/meeting", text: "list" })).toContain("Budget review");
  });

  it("publishes the App Home with the person's next meetings", async () => {
    await h.slack.event("Ev-home-1", {
      type: "app_home_opened",
      user: "U2",
      channel: "DU2",
      tab: "home",
      event_ts: "1.0",
    });
    const publish = await h.api.waitFor("views.publish");
    expect(publish.body.user_id).toBe("U2");
    const view = publish.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain("Budget review");
  });
});
