import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/teams-connector-mock.ts";
import {
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

// PRODUCT.md §14 through the real CloudAdapter: the programme board is another channel of the
// team; `programme` typed in it with an @mention, and in a 1:1 chat.
const BOARD = "19:programme-board@thread.tacv2";

describe("a programme through Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({ rosters: { [TEAM]: [PEOPLE.kim, PEOPLE.sam, PEOPLE.chris, PEOPLE.lee] } });
    await seedTeamsGroup(h);
    await installForAll(h);
  });
  afterEach(async () => {
    await h.close();
  });

  /** Typed with an @mention in the programme board's channel; the answer comes in their 1:1 chat. */
  async function onBoard(who: Who, text: string): Promise<string> {
    const activity = channelMessage(who, text);
    const board = {
      ...activity,
      conversation: { ...activity.conversation, id: `${BOARD};messageid=${activity.id}` },
      channelData: { ...activity.channelData, channel: { id: BOARD, name: "Programme board" } },
    };
    return answerTo(who, board);
  }
  async function answerTo(who: Who, activity: { id: string }): Promise<string> {
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    const answer = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before &&
        (c.kind === "send" || c.kind === "reply") &&
        c.conversationId === chatOf(who),
    );
    return textOf(answer);
  }

  it("sets up the board, adds a workstream, and shows the view to its lead only", async () => {
    expect(await onBoard("lee", "programme setup Mental health programme")).toContain(
      "you are a programme lead",
    );
    expect(await onBoard("kim", "programme add Medication safety")).toContain("is now part of");
    const view = await answerTo("lee", personalMessage("lee", "programme"));
    expect(view).toContain("Mental health programme");
    expect(view).toContain("Medication safety");
    for (const name of ["Kim", "Sam", "Chris"]) expect(view).not.toContain(name);
    expect(await answerTo("sam", personalMessage("sam", "programme"))).toContain(
      "Only the programme's leads can do this.",
    );
    // Help typed on the board says whose board it is, and how leads see it.
    expect(await onBoard("sam", "help")).toContain(
      "This is the board's channel for Mental health programme.",
    );
  });
});
