import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConnectorCall, cardOf, textOf } from "../helpers/teams-connector-mock.ts";
import {
  cardAction,
  channelMessage,
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

const HOUR = 3_600_000;

interface CardButton {
  title: string;
  data: Record<string, string>;
}

function buttonOn(card: Record<string, unknown>, title: string): CardButton {
  const body = card.body as Array<{ actions?: CardButton[] }>;
  const found = body.flatMap((e) => e.actions ?? []).find((a) => a.title.startsWith(title));
  if (!found) throw new Error(`no "${title}" button on: ${JSON.stringify(card).slice(0, 400)}`);
  return found;
}

describe("the other flows, end to end on Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it("sends the papers to every member's 1:1 chat, and records 'I've read them' once", async () => {
    await h.post(channelMessage("chris", "meeting schedule 2026-12-18 14:00 Budget review"));
    await h.post(
      channelMessage(
        "chris",
        "papers add M-1 https://example.org/budget.pdf Budget 2027 — where the money goes",
      ),
    );
    await h.post(channelMessage("chris", "papers send M-1"));
    await h.bot.deliver();
    const sent = (who: "kim" | "sam" | "chris" | "lee") =>
      h.connector.messagesTo(chatOf(who)).filter((c) => textOf(c).includes("https://example.org/budget.pdf"));
    for (const who of ["kim", "sam", "chris", "lee"] as const) expect(sent(who)).toHaveLength(1);
    const sams = sent("sam")[0] as ConnectorCall;
    const read = buttonOn(cardOf(sams), "I've read them");
    const invoke = cardAction("sam", read.data);
    const first = await h.post(invoke);
    await h.post(invoke);
    expect(JSON.stringify(first.body)).toContain("Thank you, Sam Jones — I've noted that you've read them.");
    const ws = h.store.workstreams.all()[0];
    const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
    expect(h.store.papers.readers(meeting?.id ?? -1)).toHaveLength(1);
  });

  it("sends the check-in privately when the chair ends the meeting, and moves on card by card", async () => {
    await h.post(channelMessage("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review"));
    h.clock.advance(1.5 * HOUR);
    await h.post(channelMessage("chris", "meeting end"));
    await h.bot.deliver();
    const checkIns = h.connector
      .messages()
      .filter((c) => String(c.body.summary).includes("a short check-in after Budget review"));
    expect(checkIns.map((c) => c.conversationId).sort()).toEqual([
      chatOf("kim"),
      chatOf("lee"),
      chatOf("sam"),
    ]);
    const sams = checkIns.find((c) => c.conversationId === chatOf("sam")) as ConnectorCall;
    const answer = await h.post(cardAction("sam", buttonOn(cardOf(sams), "Yes, I was there").data));
    const next = (answer.body as { value: Record<string, unknown> }).value;
    expect(JSON.stringify(next)).toContain("Question 2 of 7");
    // The next question's buttons are on the card Teams shows in place of the first.
    expect(buttonOn(next, "Partly").data.action).toBeTruthy();
  });
});
