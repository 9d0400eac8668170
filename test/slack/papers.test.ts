import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../src/domain/time.ts";
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

const QUESTION = "What does the red line on page 4 mean?";
const ANSWER = "It is the money set aside for respite care.";

describe("papers through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    // Tuesday 8 December 2026, 10am. M-1 is Friday 18 December, 2pm: papers go out on the 11th.
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-18 14:00 Budget review" });
    const added = await runCommand(h, {
      user: "U3",
      command: "/papers",
      text: "add M-1 <https://example.org/budget.pdf> Budget 2027 — where the money goes next year",
    });
    expect(added).toContain("PA-1 *Budget 2027* is added to M-1");
    await runCommand(h, {
      user: "U1",
      command: "/commonpurpose",
      text: "papers add <https://example.org/safety.pdf|safety.pdf> Safety report",
    });
    h.clock.advance(3 * DAY + 4 * HOUR);
    await h.bot.tick();
  });
  afterEach(async () => {
    await h.close();
  });

  const papersTo = (channel: string): RecordedCall => {
    const call = h.api
      .accepted("chat.postMessage")
      .find((c) => c.body.channel === channel && textOf(c).includes("the papers for *Budget review*"));
    if (!call) throw new Error(`no papers message in ${channel}`);
    return call;
  };

  function click(user: string, call: RecordedCall, label: string, triggerId: string) {
    const channel = String(call.body.channel);
    const ts = String(call.response?.ts);
    const button = buttonIn(call, label);
    return h.slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: triggerId,
      container: { type: "message", channel_id: channel, message_ts: ts, is_ephemeral: false },
      channel: { id: channel, name: "directmessage" },
      message: { ts, text: "papers" },
      response_url: h.api.responseUrl(`click-${triggerId}`),
      actions: [
        { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
      ],
    });
  }

  async function submitForm(
    user: string,
    triggerId: string,
    fieldId: string,
    value: string,
    options?: { timestamp?: number },
  ) {
    const open = await h.api.waitFor("views.open", (c) => c.body.trigger_id === triggerId);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    return h.slack.interaction(
      {
        type: "view_submission",
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
        team: { id: "T1", domain: "test" },
        api_app_id: "A1",
        trigger_id: `${triggerId}-submit`,
        view: {
          id: `V-${triggerId}`,
          type: "modal",
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values: { [fieldId]: { [fieldId]: { type: "plain_text_input", value } } } },
          hash: "h",
        },
      },
      options,
    );
  }

  it("sends each member one message with both papers, and records one confirmation for a retried click", async () => {
    for (const dm of ["DU1", "DU2", "DU3", "DU4"]) {
      const sent = h.api
        .accepted("chat.postMessage")
        .filter((c) => c.body.channel === dm && textOf(c).includes("the papers for *Budget review*"));
      expect(sent).toHaveLength(1);
      expect(textOf(sent[0] as RecordedCall)).toContain("https://example.org/budget.pdf");
      expect(textOf(sent[0] as RecordedCall)).toContain("https://example.org/safety.pdf");
    }
    const sams = papersTo("DU2");
    expect(textOf(sams)).toContain("Hi Sam Jones");
    expect(buttonIn(sams, "Another format, please")).toBeDefined();

    // Slack retries an interaction it thinks failed: the same click arrives twice.
    expect((await click("U2", sams, "I've read them", "t-read")).status).toBe(200);
    expect((await click("U2", sams, "I've read them", "t-read")).status).toBe(200);
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(update.body.ts).toBe(sams.response?.ts);
    expect(textOf(update)).toContain("Thank you, Sam Jones — I've noted that you've read them.");
    const ws = h.store.workstreams.byChannel("slack:C1");
    const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
    expect(h.store.papers.readers(meeting?.id ?? -1)).toHaveLength(1);
    const listed = await runCommand(h, { user: "U3", command: "/papers", text: "" });
    expect(listed).toContain("Have read them (1 of 4)");
  });

  it("passes a member's question only to the chair, and the answer only back to that member", async () => {
    expect((await click("U4", papersTo("DU4"), "Question for the chair", "t-ask")).status).toBe(200);
    const asked = await submitForm("U4", "t-ask", "question", QUESTION);
    expect(asked.status).toBe(200);
    expect(JSON.stringify(asked.body)).toContain("sent your question to Chris Lee (the chair)");

    await h.bot.deliver();
    const withQuestion = h.api.accepted("chat.postMessage").filter((c) => textOf(c).includes(QUESTION));
    expect(withQuestion.map((c) => c.body.channel)).toEqual(["DU3"]);

    expect((await click("U3", withQuestion[0] as RecordedCall, "Answer", "t-answer")).status).toBe(200);
    expect((await submitForm("U3", "t-answer", "answer", ANSWER)).status).toBe(200);
    const replaced = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU3");
    expect(textOf(replaced)).toContain("I've sent your answer to Lee Park's question privately");

    await h.bot.deliver();
    const withAnswer = h.api.accepted("chat.postMessage").filter((c) => textOf(c).includes(ANSWER));
    expect(withAnswer.map((c) => c.body.channel)).toEqual(["DU4"]);
    expect(textOf(withAnswer[0] as RecordedCall)).toContain(
      "Chris Lee (the chair) has answered your question",
    );
  });

  it("sends a question to the chair once when the very same signed submission arrives twice", async () => {
    expect((await click("U4", papersTo("DU4"), "Question for the chair", "t-replay")).status).toBe(200);
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await submitForm("U4", "t-replay", "question", QUESTION, { timestamp });
    const replay = await submitForm("U4", "t-replay", "question", QUESTION, { timestamp });
    expect([first.status, replay.status]).toEqual([200, 200]);
    await h.bot.deliver();
    await new Promise((r) => setTimeout(r, 200));
    await h.bot.deliver();
    const withQuestion = h.api.accepted("chat.postMessage").filter((c) => textOf(c).includes(QUESTION));
    expect(withQuestion.map((c) => c.body.channel)).toEqual(["DU3"]);
  });
});
