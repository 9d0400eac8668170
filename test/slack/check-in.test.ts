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
  U1: { name: "Kim Patel" }, // coordinator
  U2: { name: "Sam Jones" }, // member
  U3: { name: "Chris Lee" }, // chair
  U4: { name: "Lee Park" }, // member
};

describe("the check-in in Slack", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await runCommand(h, {
      user: "U3",
      command: "/meeting",
      text: "schedule 2026-12-08 11:00 for 1h Budget review",
    });
    h.clock.advance(90 * 60_000); // 11:30, the meeting is on
  });
  afterEach(async () => {
    await h.close();
  });

  /** Waits for the next call of a method after the `seen` ones already looked at. */
  async function next(method: string, seen: number): Promise<RecordedCall> {
    await h.api.waitFor(method, () => h.api.accepted(method).length > seen);
    return h.api.accepted(method)[seen] as RecordedCall;
  }

  it("is sent privately when the chair ends the meeting, answered with buttons and forms, and a support need reaches only the coordinator", async () => {
    const ended = await runCommand(h, { user: "U3", channel: "C1", command: "/meeting", text: "end" });
    expect(ended).toContain("M-1 (*Budget review*) is marked as ended.");
    await h.bot.deliver();
    const checkIns = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("a short check-in after *Budget review*"));
    expect(checkIns.map((c) => c.body.channel).sort()).toEqual(["DU1", "DU2", "DU4"]);
    const original = checkIns.find((c) => c.body.channel === "DU2") as RecordedCall;
    const ts = String(original.response?.ts);

    let screen = original;
    let updates = h.api.accepted("chat.update").length;
    let modals = 0;
    const click = (label: string, trigger = "trigger-1") => {
      const button = buttonIn(screen, label);
      return h.slack.interaction({
        type: "block_actions",
        user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
        team: { id: "T1", domain: "test" },
        api_app_id: "A1",
        trigger_id: trigger,
        container: { type: "message", channel_id: "DU2", message_ts: ts, is_ephemeral: false },
        channel: { id: "DU2", name: "directmessage" },
        message: { ts, text: "check-in" },
        response_url: h.api.responseUrl("click-u2"),
        actions: [
          { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
        ],
      });
    };
    const pressAndSee = async (label: string) => {
      expect((await click(label)).status).toBe(200);
      screen = await next("chat.update", updates);
      updates++;
      expect(screen.body.channel).toBe("DU2");
      expect(screen.body.ts).toBe(ts);
    };
    const submit = async (values: Record<string, Record<string, Record<string, unknown>>>) => {
      const open = await next("views.open", modals);
      modals++;
      const view = open.body.view as { callback_id: string; private_metadata: string };
      const response = await h.slack.interaction({
        type: "view_submission",
        user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
        team: { id: "T1", domain: "test" },
        api_app_id: "A1",
        trigger_id: "trigger-submit",
        view: {
          id: `V${modals}`,
          type: "modal",
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values },
          hash: "h",
        },
      });
      expect(response.status).toBe(200);
      screen = await next("chat.update", updates);
      updates++;
    };

    const yes = buttonIn(screen, "Yes, I was there");
    await pressAndSee("Yes, I was there");
    expect(textOf(screen)).toContain("Question 2 of 7");
    // Slack delivering the first click again records nothing more.
    screen = original;
    await pressAndSee("Yes, I was there");
    expect(textOf(screen)).toContain("Question 2 of 7");
    await pressAndSee("Partly");
    await pressAndSee("No");
    expect(textOf(screen)).toContain("Question 4 of 7");
    expect((await click("Write something", "trigger-comment")).status).toBe(200);
    await submit({ comment: { comment: { type: "plain_text_input", value: "Too many acronyms" } } });
    expect(textOf(screen)).toContain("Question 5 of 7");
    await pressAndSee("Yes, please");
    expect((await click("Yes, ask for support", "trigger-support")).status).toBe(200);
    await submit({
      kind: { kind: { type: "radio_buttons", selected_option: { value: "accessibility" } } },
      need: { need: { type: "plain_text_input", value: "Papers in large print" } },
    });
    expect(textOf(screen)).toContain("Question 7 of 7");
    await pressAndSee("Answer anonymously");
    expect(textOf(screen)).toContain(
      "Thanks, Sam Jones — that's everything. You answered anonymously: your answers are kept with no link to you",
    );

    // The support need went at once, privately, to the coordinator only.
    await h.bot.deliver();
    const support = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("Papers in large print"));
    expect(support.map((c) => c.body.channel)).toEqual(["DU1"]);
    expect(textOf(support[0] as RecordedCall)).toContain(
      "Sam Jones in *Medication safety* has asked for accessibility support (S-1)",
    );

    const status = await runCommand(h, { user: "U3", channel: "C1", command: "/checkin", text: "status" });
    expect(status).toContain("1 of 3 have answered");
    const summary = await runCommand(h, {
      user: "U3",
      channel: "C1",
      command: "/commonpurpose",
      text: "checkin summary",
    });
    expect(summary).toContain("is still open: 1 of 3 members have answered");
    // While it is open the chair sees how many have answered, nothing of what.
    expect(summary).not.toContain("Attended:");
    expect(summary).not.toContain("Too many acronyms");
    expect(summary).not.toContain("Papers in large print");
    expect(summary).not.toContain("Sam");
    expect(await runCommand(h, { user: "U1", channel: "C1", command: "/support", text: "list" })).toContain(
      'S-1 (accessibility, Tuesday 8 December): "Papers in large print" — Sam Jones',
    );
    expect(
      await runCommand(h, { user: "U3", channel: "C1", command: "/checkin", text: "summary" }),
    ).not.toContain("S-1");
    expect(yes.value).toMatch(/^\d+:1:yes$/);
  });
});
