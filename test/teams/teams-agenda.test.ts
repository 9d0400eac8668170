import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/teams-connector-mock.ts";
import { shown, shownIn, teamsFlowDriver, the } from "../helpers/teams-flow-driver.ts";
import {
  channelMessage,
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

describe("the agenda on Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it("updates each member's papers card in place (PUT to the activity) when the agenda changes", async () => {
    await h.post(channelMessage("chris", "meeting schedule 2026-12-18 14:00 Budget review"));
    await h.post(channelMessage("chris", "papers add M-1 https://example.org/budget.pdf Budget 2027"));
    await h.post(channelMessage("chris", "papers send M-1"));
    await h.bot.deliver();
    const papers = h.connector
      .messagesTo(chatOf("sam"))
      .find((c) => textOf(c).includes("https://example.org/budget.pdf"));
    expect(papers).toBeDefined();
    const sentBefore = h.connector.messages().length;
    // The papers card's own activity id, as the connector answered it.
    const ref = h.store.outbox.byKey(
      `papers:1:${h.store.people.byKey("teams:29:sam")?.id ?? -1}`,
    )?.platformRef;
    const activityId = (JSON.parse(ref ?? "{}") as { activityId?: string }).activityId;
    expect(activityId).toMatch(/^bot-activity-/);

    await h.post(channelMessage("chris", "agenda add M-1 Transport to meetings"));
    await h.bot.deliver();
    const update = await h.connector.waitFor(
      (c) => c.kind === "update" && c.conversationId === chatOf("sam"),
    );
    expect(update.method).toBe("PUT");
    expect(update.activityId).toBe(activityId);
    expect(decodeURIComponent(update.path)).toBe(
      `/v3/conversations/${chatOf("sam")}/activities/${activityId}`,
    );
    expect(textOf(update)).toContain("Transport to meetings");
    // No second papers message to anyone: the only new message is the chair's own answer.
    const newToChats = h.connector
      .messages()
      .slice(sentBefore)
      .filter((c) => c.conversationId?.startsWith("a:dm-"));
    expect(newToChats.map((c) => c.conversationId)).toEqual([chatOf("chris")]);
    expect(textOf(newToChats[0] as never)).toContain("Added A-1");
  });

  it("sends a member's suggestion to the chair's chat with Accept and Decline; a declined one tells the member why", async () => {
    const d = teamsFlowDriver(h);
    await h.post(channelMessage("chris", "meeting schedule 2026-12-18 14:00 Budget review"));
    const asked = await d.inChat("sam", "agenda suggest Parking at the hospital");
    expect(asked.text).toContain("I've sent your suggestion to Chris Lee (the chair)");
    await h.bot.deliver();
    const toChair = the(d.sentTo(chatOf("chris"), "Parking at the hospital")[0]);
    expect(shownIn(toChair)).toContain("Sam Jones suggests an item for the agenda of M-1");
    const form = await d.click("chris", d.card(toChair), "Decline");
    await d.submit("chris", form, { reason: "We covered it last month" });
    await h.bot.deliver();
    const told = the(d.sentTo(chatOf("sam"), "decided not to put it on the agenda")[0]);
    expect(shownIn(told)).toContain('Their reason: "We covered it last month"');
  });

  it("puts an accepted suggestion on the agenda, replacing the chair's card", async () => {
    const d = teamsFlowDriver(h);
    await h.post(channelMessage("chris", "meeting schedule 2026-12-18 14:00 Budget review"));
    await d.inChat("sam", "agenda suggest Parking at the hospital");
    await h.bot.deliver();
    const toChair = the(d.sentTo(chatOf("chris"), "Parking at the hospital")[0]);
    const after = await d.click("chris", d.card(toChair), "Accept");
    expect(shown(after)).toContain("is on the agenda as A-1");
    await h.bot.deliver();
    expect(d.sentTo(chatOf("sam"), "has put your suggestion on the agenda")).toHaveLength(1);
    const agenda = (await d.inChat("kim", "agenda")).text;
    expect(agenda).toContain("A-1 **Parking at the hospital** (suggested by Sam Jones)");
  });
});
