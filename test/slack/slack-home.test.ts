import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../helpers/slack-api-mock.ts";
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
};

/** A published Home view, read like a message the bot sent (its blocks). */
const asMessage = (publish: RecordedCall): RecordedCall => ({
  ...publish,
  body: publish.body.view as Record<string, unknown>,
});

describe("the Slack App Home shows what /mine shows", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3"]);
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-17 14:00 Budget review" });
    await runCommand(h, {
      user: "U3",
      command: "/papers",
      text: "add M-1 https://example.org/budget.pdf Budget 2027",
    });
    await runCommand(h, { user: "U3", command: "/papers", text: "send M-1" });
    await runCommand(h, { user: "U3", command: "/dissent", text: "<@U2> The rota is not safe at night" });
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  async function openHome(eventId: string) {
    const before = h.api.callsTo("views.publish").length;
    await h.slack.event(eventId, {
      type: "app_home_opened",
      user: "U2",
      channel: "DU2",
      tab: "home",
      event_ts: "1.0",
    });
    await h.api.waitFor("views.publish", () => h.api.callsTo("views.publish").length > before);
    return h.api.callsTo("views.publish").at(-1) as RecordedCall;
  }

  it("lists my papers to read and my view to check, with the same buttons as the messages", async () => {
    const publish = await openHome("Ev-home-mine-1");
    expect(publish.body.user_id).toBe("U2");
    const view = publish.body.view as { type: string };
    expect(view.type).toBe("home");
    const text = textOf(asMessage(publish));
    expect(text).toContain("Papers to read");
    expect(text).toContain("Budget review");
    expect(text).toContain("The rota is not safe at night");
    // The /mine answer says the same.
    expect(await runCommand(h, { user: "U2", command: "/mine" })).toContain(
      "Here is what is waiting for you, Sam",
    );
    const ws = h.store.workstreams.byChannel("slack:C1");
    const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
    const read = buttonIn(asMessage(publish), "I've read them");
    expect(read.value).toBe(String(meeting?.id));
    expect(buttonIn(asMessage(publish), "Yes, that's fair")).toBeDefined();
  });

  it("answers a button pressed in the Home in my direct message, and takes the item off the Home", async () => {
    const publish = await openHome("Ev-home-mine-2");
    const read = buttonIn(asMessage(publish), "I've read them");
    const published = h.api.callsTo("views.publish").length;
    const response = await h.slack.interaction({
      type: "block_actions",
      user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
      team: { id: "T1", domain: "test" },
      api_app_id: "A1",
      trigger_id: "trig-home-1",
      container: { type: "view", view_id: "V-home" },
      view: { id: "V-home", type: "home" },
      actions: [{ action_id: read.action_id, block_id: read.blockId, value: read.value, type: "button" }],
    });
    expect(response.status).toBe(200);
    const thanks = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "U2" && textOf(c).includes("I've noted that you've read them"),
    );
    expect(thanks).toBeDefined();
    await h.api.waitFor("views.publish", () => h.api.callsTo("views.publish").length > published);
    const again = textOf(asMessage(h.api.callsTo("views.publish").at(-1) as RecordedCall));
    expect(again).not.toContain("Papers to read");
    expect(again).toContain("The rota is not safe at night");
    const person = h.store.people.byKey("slack:U2");
    const meeting = h.store.meetings.byId(Number(read.value));
    expect(h.store.papers.readers(meeting?.id ?? -1)).toContain(person?.id);
  });
});
