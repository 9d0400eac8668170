import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY } from "../../src/domain/time.ts";
import { type RecordedCall, textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn } from "../helpers/slack-buttons.ts";
import {
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
  submitModal,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
  U5: { name: "Ann Shah" },
};

describe("a review through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    // Tuesday 8 December 2026, 10am. Kim coordinates, Chris chairs.
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4", "U5"]);
  });
  afterEach(async () => {
    await h.close();
  });

  const invitationTo = (dm: string): RecordedCall =>
    h.api.accepted("chat.postMessage").find((c) => c.body.channel === dm && textOf(c).includes("time for")) ??
    (() => {
      throw new Error(`no review in ${dm}`);
    })();

  async function answer(user: string, scores: { task: string; process: string }, comment?: string) {
    const call = invitationTo(`D${user}`);
    const button = buttonIn(call, "Answer the review");
    const trigger = `t-${user}`;
    const ts = String(call.response?.ts);
    const clicked = await h.slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: trigger,
      container: { type: "message", channel_id: `D${user}`, message_ts: ts, is_ephemeral: false },
      channel: { id: `D${user}`, name: "directmessage" },
      message: { ts, text: "review" },
      response_url: h.api.responseUrl(`click-${trigger}`),
      actions: [
        { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
      ],
    });
    expect(clicked.status).toBe(200);
    const open = await h.api.waitFor("views.open", (c) => c.body.trigger_id === trigger);
    const view = open.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    const radio = (value: string) => ({ type: "radio_buttons", selected_option: { value } });
    const values: Record<string, Record<string, unknown>> = {};
    for (const id of ["progress", "clarity"]) values[id] = { [id]: radio(scores.task) };
    for (const id of ["voice", "disagreements", "decisions", "support"])
      values[id] = { [id]: radio(scores.process) };
    values.taskComment = { taskComment: { type: "plain_text_input", value: comment ?? null } };
    return {
      view,
      response: await submitModal(h, { user, view, values, trigger }),
    };
  }

  it("button → form → submit for each person, then the chair's summary after it closes, with nothing to attribute", async () => {
    const started = await runCommand(h, { user: "U3", command: "/review", text: "start" });
    expect(started).toContain("I've sent it privately to 5 people, you included");
    await h.bot.deliver();
    for (const dm of ["DU1", "DU2", "DU3", "DU4", "DU5"]) expect(invitationTo(dm)).toBeDefined();
    expect(
      h.api
        .accepted("chat.postMessage")
        .filter((c) => c.body.channel === "C1" && textOf(c).includes("review")),
    ).toEqual([]);

    const first = await answer("U2", { task: "5", process: "4" }, "Clearer deadlines, please");
    expect(first.response.status).toBe(200);
    expect(JSON.stringify(first.view.blocks)).toContain("radio_buttons");
    expect(JSON.stringify(first.view.blocks)).toContain("Are disagreements handled well?");
    const thanks = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(textOf(thanks)).toContain("Thank you, Sam Jones. Your answers are in.");
    await answer("U4", { task: "4", process: "4" });
    await answer("U5", { task: "2", process: "3" });
    await answer("U3", { task: "1", process: "1" }, "Chair: I need a deputy");

    const whileOpen = await runCommand(h, { user: "U3", command: "/review", text: "summary" });
    expect(whileOpen).toContain("4 of 5 have answered");
    expect(whileOpen).not.toContain("Clearer deadlines");

    h.clock.advance(7 * DAY);
    await h.bot.tick();
    await h.bot.deliver();
    const summary = h.api
      .accepted("chat.postMessage")
      .find((c) => c.body.channel === "DU3" && textOf(c).includes("has closed"));
    expect(summary).toBeDefined();
    const text = textOf(summary as RecordedCall);
    expect(text).toContain("4 of 5 answered");
    // Sam, Lee and Ann anonymous (three of them): counted, no names; Chris's own left out.
    expect(text).toContain("4 of 6 answers were 4 or 5 out of 5 (67%)");
    expect(text).toContain("Clearer deadlines, please");
    expect(text).not.toContain("Sam Jones");
    expect(text).not.toContain("I need a deputy");
    const rows = h.db.prepare("SELECT COUNT(*) FROM review_answers WHERE progress IS NOT NULL").pluck().get();
    expect(rows).toBe(0);
  });
});
