import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY } from "../../src/domain/time.ts";
import { type RecordedCall, textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn, type SentButton } from "../helpers/slack-buttons.ts";
import {
  closeWorkstream as closeBySlack,
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
  submitModal,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" }, // coordinator
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" }, // chair
  U4: { name: "Lee Park" },
  U5: { name: "Ann Shah" },
  U6: { name: "Newbie Cole" },
};

/**
 * Ground rules agreed, a new member welcomed, then the workstream closed and its final
 * evaluation answered — all as Slack sends it (signed slash commands, block_actions,
 * view_submission through the real Bolt receiver).
 */
describe("ground rules, the welcome and a closed workstream through Slack", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4", "U5"]);
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  const posts = (channel: string) =>
    h.api.accepted("chat.postMessage").filter((c) => c.body.channel === channel);

  const click = (user: string, call: RecordedCall, button: SentButton, trigger: string) =>
    h.slack.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: trigger,
      container: {
        type: "message",
        channel_id: String(call.body.channel),
        message_ts: String(call.response?.ts),
        is_ephemeral: false,
      },
      channel: { id: String(call.body.channel), name: "directmessage" },
      message: { ts: String(call.response?.ts), text: "x" },
      response_url: h.api.responseUrl(`click-${trigger}`),
      actions: [
        { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
      ],
    });

  async function closeWorkstream(): Promise<void> {
    await closeBySlack(h, "U1", "C1");
    await h.bot.deliver();
  }

  async function answerEvaluation(user: string, score: string, lesson: string, share = false) {
    const call = posts(`D${user}`).find((c) => textOf(c).includes("Would you tell us how it went?"));
    if (!call) throw new Error(`no evaluation for ${user}`);
    const trigger = `t-eval-${user}`;
    expect((await click(user, call, buttonIn(call, "Answer the evaluation"), trigger)).status).toBe(200);
    const open = await h.api.waitFor("views.open", (c) => c.body.trigger_id === trigger);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    const radio = (value: string) => ({ type: "radio_buttons", selected_option: { value } });
    const values: Record<string, Record<string, unknown>> = {};
    for (const id of ["progress", "clarity", "voice", "disagreements", "decisions", "support"])
      values[id] = { [id]: radio(score) };
    values.learnComment = { learnComment: { type: "plain_text_input", value: lesson } };
    if (share) values.anonymous = { anonymous: radio("no") };
    const submitted = await submitModal(h, { user, view, values, trigger });
    expect(submitted.status).toBe(200);
    await h.api.waitFor("chat.update", (c) => c.body.channel === `D${user}`);
  }

  it("an agreed ground rule is posted in the channel, and a new member's welcome gives it, the glossary's size, the chair and a one-to-one", async () => {
    const set = await runCommand(h, {
      user: "U3",
      channel: "C1",
      command: "/groundrules",
      text: "set 2 Everyone speaks once before anyone speaks twice",
    });
    expect(set).toContain("Recorded ground rule 2 for *Medication safety*, and posted it in the channel.");
    await runCommand(h, {
      user: "U1",
      channel: "C1",
      command: "/glossary",
      text: "add ICB = Integrated Care Board",
    });
    await h.bot.deliver();
    const post = posts("C1").find((c) => textOf(c).includes("The group has agreed a ground rule."));
    expect(textOf(post as RecordedCall)).toContain(
      "How will we make sure everyone has a voice? *Everyone speaks once before anyone speaks twice*",
    );

    await runCommand(h, { user: "U1", channel: "C1", command: "/workstream", text: "add <@U6>" });
    await h.bot.deliver();
    const welcome = posts("DU6").find((c) => textOf(c).includes("Welcome."));
    if (!welcome) throw new Error("no welcome");
    const text = textOf(welcome);
    expect(text).toContain("Chris Lee is the chair.");
    expect(text).toContain("Everyone speaks once before anyone speaks twice");
    expect(text).toContain("The glossary explains 1 word the group uses");
    expect(text).toContain("you can ask for a one-to-one");
    await click("U6", welcome, buttonIn(welcome, "Ask for a one-to-one"), "t-121");
    await h.bot.deliver();
    await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU3" && textOf(c).includes("Newbie Cole"),
    );

    // "2.0" is not a question's number: refused, and nothing new recorded.
    const odd = await runCommand(h, {
      user: "U3",
      channel: "C1",
      command: "/groundrules",
      text: "set 2.0 Hello",
    });
    expect(odd).toContain("Start with the question's number, from 1 to 9");
    expect(
      await runCommand(h, { user: "U2", channel: "C1", command: "/groundrules", text: "2" }),
    ).not.toContain("Hello");
  });

  it("after closing: the evaluation is answered from a modal, the chair's own answers reach only the coordinator (unnamed), and /help offers only what still works", async () => {
    await closeWorkstream();
    await answerEvaluation("U2", "5", "Start earlier");
    await answerEvaluation("U4", "4", "More breaks");
    await answerEvaluation("U5", "2", "Pay people on time");
    await answerEvaluation("U3", "1", "The chair needed a deputy");
    await answerEvaluation("U1", "3", "Named by the coordinator", true);

    const before = posts("DU3").length;
    h.clock.advance(7 * DAY);
    await h.bot.tick();
    await h.bot.deliver();
    const chair = posts("DU3")
      .slice(before)
      .find((c) => textOf(c).includes("has closed"));
    const coordinator = posts("DU1").find((c) => textOf(c).includes("final evaluation for"));
    if (!chair || !coordinator) throw new Error("no summaries");
    expect(textOf(chair)).toContain("Start earlier");
    // A coordinator's answers are never named (like a chair's): the chair reads them unnamed.
    expect(textOf(chair)).toContain('"Named by the coordinator"');
    expect(textOf(chair)).not.toContain("Kim Patel");
    expect(textOf(chair)).not.toContain("The chair needed a deputy");
    expect(textOf(coordinator)).toContain("The chair needed a deputy");
    for (const name of ["Sam Jones", "Lee Park", "Ann Shah", "Chris Lee", "Kim Patel"])
      expect(textOf(coordinator)).not.toContain(name);

    // A member is told it is closed, not who may do it.
    const set = await runCommand(h, {
      user: "U2",
      channel: "C1",
      command: "/groundrules",
      text: "set 1 Tea",
    });
    expect(set).toContain("Medication safety was closed on");
    const help = await runCommand(h, { user: "U3", channel: "C1", command: "/help", text: "" });
    expect(help).toContain("has closed, so nothing in it can be changed");
    expect(help).toContain("/groundrules");
    expect(help).toContain("/dissent list");
    expect(help).not.toContain("/meeting schedule");
    expect(help).not.toContain("/groundrules set");
    expect(help).not.toContain("/review start");
    const verb = await runCommand(h, { user: "U1", channel: "C1", command: "/review", text: "help" });
    expect(verb).toContain("/review summary");
    expect(verb).not.toContain("/review start");
    const show = await runCommand(h, { user: "U1", channel: "C1", command: "/workstream", text: "" });
    expect(show).not.toContain("/workstream set");
  });
  it("someone removed while the ground-rules form is open can't send it; a review id from elsewhere finds nothing", async () => {
    await runCommand(h, { user: "U3", channel: "C1", command: "/groundrules", text: "ask" });
    await h.bot.deliver();
    const invite = posts("DU2").find((c) => textOf(c).includes("would like to hear how you think"));
    if (!invite) throw new Error("no invitation");
    await click("U2", invite, buttonIn(invite, "Answer the questions"), "t-gr");
    const open = await h.api.waitFor("views.open", (c) => c.body.trigger_id === "t-gr");
    const view = open.body.view as { callback_id: string; private_metadata: string };
    await runCommand(h, { user: "U1", channel: "C1", command: "/workstream", text: "remove <@U2>" });
    const submitted = await submitModal(h, {
      user: "U2",
      view,
      trigger: "t-gr",
      values: {
        q1: { q1: { type: "plain_text_input", value: "Sent after I was removed" } },
        share: { share: { type: "radio_buttons", selected_option: { value: "anonymous" } } },
      },
    });
    expect(JSON.stringify(submitted.body ?? "")).toContain("no longer in this workstream");
    const stored = h.db.prepare("SELECT COUNT(*) FROM ground_rules_anonymous_answers").pluck().get();
    expect(stored).toBe(0);

    // A review button carrying the id of a review Lee was never sent changes nothing.
    await runCommand(h, { user: "U3", channel: "C1", command: "/review", text: "start" });
    await h.bot.deliver();
    const review = posts("DU4").find((c) => textOf(c).includes("time for"));
    if (!review) throw new Error("no review");
    const forged = { ...buttonIn(review, "Answer the review"), value: "999" };
    const views = h.api.accepted("views.open").length;
    await click("U4", review, forged, "t-forged");
    const refused = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU4" && textOf(c).includes("can't find that review"),
    );
    expect(textOf(refused)).toContain("Sorry, I can't find that review.");
    expect(h.api.accepted("views.open")).toHaveLength(views);
  });
});
