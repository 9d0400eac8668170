import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputsOn, shown, teamsFlowDriver, the } from "../helpers/teams-flow-driver.ts";
import {
  CHANNEL,
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

// Kim coordinates, Chris chairs, Sam and Lee are members; everything through the real
// CloudAdapter over HTTP, against the stand-in Bot Connector.

let h: TeamsHarness;
let d: ReturnType<typeof teamsFlowDriver>;

beforeEach(async () => {
  h = await startTeamsHarness();
  await installForAll(h);
  await seedTeamsGroup(h);
  d = teamsFlowDriver(h);
});
afterEach(async () => {
  await h.close();
});

describe("ground rules and closing on Teams", () => {
  it("sends the questions to each member's 1:1 chat, takes a named answer from the form card, and gives the chair the summary when it closes", async () => {
    await d.inChannel("chris", "groundrules set 2 Everyone speaks once before anyone speaks twice");
    const asked = await d.inChannel("chris", "groundrules ask");
    expect(asked.text).toContain("I've sent the ground-rules questions privately to 3 members");
    await h.bot.deliver();
    const invite = the(d.sentTo(chatOf("sam"), "would like to hear how you think")[0]);
    expect(d.sentTo(CHANNEL, "would like to hear how you think")).toEqual([]);
    const form = await d.click("sam", d.card(invite), "Answer the questions");
    expect(inputsOn(form).map((i) => i.id)).toEqual([
      "field_q1",
      "field_q2",
      "field_q3",
      "field_q4",
      "field_q5",
      "field_q6",
      "field_q7",
      "field_q8",
      "field_q9",
      "field_share",
    ]);
    const thanks = await d.submit("sam", form, { q8: "Nobody from the pharmacy", share: "share" });
    expect(shown(thanks)).toContain(
      "Your answers will go to the chairs when the questions close, with your name.",
    );

    h.clock.advance(7 * 24 * 3_600_000);
    await h.bot.tick();
    const summary = the(d.sentTo(chatOf("chris"), "What members said")[0]);
    expect(JSON.stringify(summary.body)).toContain("Nobody from the pharmacy");
    expect(d.sentAnywhere("Nobody from the pharmacy").map((c) => c.conversationId)).toEqual([
      chatOf("chris"),
    ]);
  });

  it("closes when the coordinator confirms on the card, posts in the channel, then refuses changes", async () => {
    const asked = await d.inChannel("kim", "workstream close");
    expect(asked.conversationId).toBe(chatOf("kim"));
    expect(asked.text).toContain("Close **Medication safety**?");
    const closed = await d.click("kim", d.card(asked.call), "Yes, close it");
    expect(shown(closed)).toContain("**Medication safety** is closed.");
    await h.bot.deliver();
    expect(d.sentTo(CHANNEL, "has now closed")).toHaveLength(1);
    const refused = await d.inChannel("chris", "meeting schedule 2026-12-15 14:00 Next");
    expect(refused.text).toContain(
      "Medication safety was closed on Tuesday 8 December, so nothing in it can be changed now.",
    );
    const still = await d.inChat("sam", "groundrules");
    expect(still.text).toContain("not agreed yet");
  });
});
