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
};

describe("the agenda through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3"]);
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-18 14:00 Budget review" });
    await runCommand(h, {
      user: "U3",
      command: "/papers",
      text: "add M-1 <https://example.org/budget.pdf> Budget 2027",
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it("rewrites each member's papers message with chat.update when the chair changes the agenda", async () => {
    await runCommand(h, { user: "U3", command: "/agenda", text: "add M-1 Transport to meetings" });
    await runCommand(h, { user: "U3", command: "/papers", text: "send M-1" });
    await h.bot.deliver();
    const papers = h.api
      .accepted("chat.postMessage")
      .find((c) => c.body.channel === "DU2" && textOf(c).includes("the papers for *Budget review*"));
    expect(papers).toBeDefined();
    expect(textOf(papers as never)).toContain("A-1 *Transport to meetings*");
    const posted = h.api.accepted("chat.postMessage").length;

    const reply = await runCommand(h, { user: "U3", command: "/agenda", text: "add M-1 Respite budget" });
    expect(reply).toContain("Added A-2 *Respite budget* to the agenda for M-1");
    await h.bot.deliver();
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(update.body.ts).toBe(papers?.response?.ts);
    expect(textOf(update)).toContain("A-2 *Respite budget*");
    expect(textOf(update)).toContain("A-1 *Transport to meetings*");
    // Updated in place: no second papers message to anyone.
    expect(h.api.accepted("chat.postMessage")).toHaveLength(posted);
    expect(
      h.api
        .accepted("chat.update")
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(["DU1", "DU2", "DU3"]);
  });

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
      message: { ts, text: "suggestion" },
      response_url: h.api.responseUrl(`click-${triggerId}`),
      actions: [
        { type: "button", block_id: "b", action_id: button.action_id, value: button.value, action_ts: "1" },
      ],
    });
  }

  async function submitForm(user: string, triggerId: string, fieldId: string, value: string) {
    const open = await h.api.waitFor("views.open", (c) => c.body.trigger_id === triggerId);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    return h.slack.interaction({
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
    });
  }

  it("sends a member's suggestion to the chair with buttons; a decline with a reason reaches the member", async () => {
    const reply = await runCommand(h, {
      user: "U2",
      command: "/agenda",
      text: "suggest Parking at the hospital",
      channel: "DU2",
    });
    expect(reply).toContain("I've sent your suggestion to Chris Lee (the chair)");
    await h.bot.deliver();
    const toChair = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU3" && textOf(c).includes("Parking at the hospital"),
    );
    expect(textOf(toChair)).toContain("Sam Jones suggests an item for the agenda of M-1");
    expect(h.api.accepted("chat.postMessage").filter((c) => textOf(c).includes("Parking"))).toHaveLength(1);

    expect((await click("U3", toChair, "Decline", "t-decline")).status).toBe(200);
    expect((await submitForm("U3", "t-decline", "reason", "We covered it last month")).status).toBe(200);
    await h.bot.deliver();
    const told = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU2" && textOf(c).includes("decided not to put it on the agenda"),
    );
    expect(textOf(told)).toContain('Their reason: "We covered it last month"');
  });

  it("puts an accepted suggestion on the agenda and tells the member", async () => {
    await runCommand(h, { user: "U2", command: "/agenda", text: "suggest Parking at the hospital" });
    await h.bot.deliver();
    const toChair = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU3" && textOf(c).includes("Parking at the hospital"),
    );
    expect((await click("U3", toChair, "Accept", "t-accept")).status).toBe(200);
    const replaced = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU3");
    expect(textOf(replaced)).toContain("is on the agenda as A-1");
    await h.bot.deliver();
    await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU2" && textOf(c).includes("has put your suggestion on the agenda"),
    );
    expect(await runCommand(h, { user: "U1", command: "/agenda" })).toContain(
      "A-1 *Parking at the hospital* (suggested by Sam Jones)",
    );
  });

  it("answers /agenda with the meeting's items and papers", async () => {
    await runCommand(h, { user: "U3", command: "/agenda", text: "add Transport to meetings" });
    const shown = await runCommand(h, { user: "U2", command: "/agenda" });
    expect(shown).toContain("Agenda for M-1 *Budget review*");
    expect(shown).toContain("A-1 *Transport to meetings*");
    expect(shown).toContain("*Budget 2027*");
    const refused = await runCommand(h, { user: "U2", command: "/agenda", text: "add Something" });
    expect(refused).toContain("Only the chair can add to the agenda");
  });
});
