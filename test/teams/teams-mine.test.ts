import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/teams-connector-mock.ts";
import {
  CHANNEL,
  channelMessage,
  chatOf,
  installForAll,
  PEOPLE,
  personalMessage,
  seedTeamsGroup,
  startTeamsHarness,
  TEAM,
  type TeamsHarness,
  type Who,
} from "../helpers/teams-harness.ts";

describe("mine, typed to the bot in Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ rosters: { [TEAM]: [PEOPLE.kim, PEOPLE.sam, PEOPLE.chris, PEOPLE.lee] } });
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  /** Posts a message and waits for the bot's answer in this person's 1:1 chat. */
  async function answerTo(who: Who, activity: ReturnType<typeof personalMessage>): Promise<string> {
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    const chats = [chatOf(who), `a:chat-${PEOPLE[who].id}`];
    const answer = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before &&
        (c.kind === "reply" || c.kind === "send") &&
        chats.includes(c.conversationId ?? ""),
    );
    const inThread = h.connector.calls
      .slice(before)
      .filter((c) => (c.kind === "reply" || c.kind === "send") && c.conversationId === CHANNEL);
    expect(inThread).toEqual([]);
    return textOf(answer);
  }

  it("shows a member the papers waiting for them, with the I've read them button, in the 1:1 chat", async () => {
    await h.post(channelMessage("kim", "meeting schedule 2026-12-17 14:00 Budget review"));
    await h.post(channelMessage("kim", "papers add M-1 https://example.org/budget.pdf Budget 2027"));
    await h.post(channelMessage("kim", "papers send M-1"));
    await h.bot.deliver();
    const answer = await answerTo("sam", personalMessage("sam", "mine"));
    expect(answer).toContain("Here is what is waiting for you, Sam Jones.");
    expect(answer).toContain("Papers to read");
    expect(answer).toContain("Budget review");
    expect(answer).toContain("I've read them");
    expect(answer).toContain("papers.read");
  });

  it("answers mine typed in the channel privately, never in the thread", async () => {
    const answer = await answerTo("lee", channelMessage("lee", "mine"));
    expect(answer).toContain("Nothing is waiting for you right now, Lee Park.");
  });
});
