import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConnectorCall, textOf } from "../helpers/teams-connector-mock.ts";
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

describe("Teams commands, typed to the bot", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness({
      rosters: {
        [TEAM]: [
          PEOPLE.kim,
          PEOPLE.sam,
          { id: "28:other-bot", name: "Calendar bot" },
          PEOPLE.chris,
          PEOPLE.lee,
        ],
      },
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const workstream = () => h.store.workstreams.byChannel(`teams:${CHANNEL}`);
  const personId = (who: Who) => h.store.people.byKey(`teams:${PEOPLE[who].id}`)?.id ?? -1;
  /** Posts a message and waits for the bot's answer in that conversation. */
  async function ask(activity: ReturnType<typeof personalMessage>, conversation: string): Promise<string> {
    const before = h.connector.calls.length;
    const response = await h.post(activity);
    expect(response.status).toBe(200);
    const reply = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before && c.kind === "reply" && c.conversationId === conversation,
    );
    expect(reply.activityId).toBe(activity.id);
    return textOf(reply);
  }
  /**
   * Typed in the channel: the answer is for the typist alone, so it arrives in their 1:1 chat
   * (made for them if they have none yet), and nothing is said in the thread.
   */
  async function inChannel(who: Who, text: string, mentions: Who[] = []): Promise<string> {
    const activity = channelMessage(who, text, mentions);
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    const chats = [chatOf(who), `a:chat-${PEOPLE[who].id}`];
    const answer = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before && c.kind === "send" && chats.includes(c.conversationId ?? ""),
    );
    const inThread = h.connector.calls
      .slice(before)
      .filter(
        (c) => (c.kind === "reply" || c.kind === "send") && c.conversationId === activity.conversation.id,
      );
    expect(inThread).toEqual([]);
    return textOf(answer);
  }
  const inChat = (who: Who, text: string) => ask(personalMessage(who, text), chatOf(who));

  it("makes a team channel a workstream with an @mention, and adds people named with <at> mentions", async () => {
    expect(await inChannel("kim", "workstream setup Medication safety")).toContain("you are its coordinator");
    expect(workstream()?.name).toBe("Medication safety");
    expect(h.store.people.byKey("teams:29:kim")?.name).toBe("Kim Patel");

    const added = await inChannel(
      "kim",
      `workstream add <at>${PEOPLE.sam.name}</at> <at>${PEOPLE.lee.name}</at> as carer`,
      ["sam", "lee"],
    );
    expect(added).toContain("Added Sam Jones and Lee Park");
    const lee = h.store.members.get(workstream()?.id ?? -1, personId("lee"));
    expect(lee?.group).toBe("carer");
    // The mention became the person's Teams id, not their display name.
    expect(h.store.people.byKey("teams:29:lee")?.dm).toBe("teams:29:lee");
  });

  it("answers a member's command in the 1:1 chat, with or without a leading slash", async () => {
    await installForAll(h);
    await seedTeamsGroup(h);
    await inChannel("kim", "meeting schedule 2026-12-10 14:00 Budget review");
    const listed = await inChat("sam", "meeting list");
    expect(listed).toContain("Budget review");
    expect(listed).toContain("M-1");
    expect(await inChat("sam", "/meeting list")).toContain("Budget review");
    expect(await inChat("sam", "/commonpurpose meeting list")).toContain("Budget review");
  });

  it("lists meetings when @mentioned in the workstream channel", async () => {
    await seedTeamsGroup(h);
    await inChannel("kim", "meeting schedule 2026-12-10 14:00 Budget review");
    expect(channelMessage("sam", "meeting list").text).toBe("<at>Common Purpose</at> meeting list");
    expect(await inChannel("sam", "meeting list")).toContain("Budget review");
  });

  it("runs a chair's command for the chair, and refuses it privately to a member, changing nothing", async () => {
    await installForAll(h);
    await seedTeamsGroup(h);
    await inChannel("kim", "meeting schedule 2026-12-10 14:00 Budget review");
    h.clock.advance(3 * 24 * 3_600_000);
    const ws = workstream();

    // Sam (a member) tries in the channel: the refusal goes to Sam's 1:1 chat, not the channel.
    const before = h.connector.calls.length;
    const attempt = channelMessage("sam", "meeting end M-1");
    expect((await h.post(attempt)).status).toBe(200);
    const refusal = await h.connector.waitFor(
      (c) => h.connector.calls.indexOf(c) >= before && c.conversationId === chatOf("sam"),
    );
    expect(textOf(refusal)).toContain("Only the chair can");
    const inThread = h.connector.calls
      .slice(before)
      .filter((c: ConnectorCall) => c.conversationId?.startsWith(CHANNEL));
    expect(inThread).toHaveLength(0);
    expect(h.store.meetings.bySeq(ws?.id ?? -1, 1)?.status).toBe("scheduled");

    expect(await inChat("sam", "workstream role <at>Sam Jones</at> chair")).toContain(
      "Only the chair or coordinator can",
    );
    expect(h.store.members.get(ws?.id ?? -1, personId("sam"))?.role).toBe("member");

    // Chris (the chair) can.
    expect(await inChannel("chris", "meeting end M-1")).toContain("is marked as ended");
    expect(h.store.meetings.bySeq(ws?.id ?? -1, 1)?.status).toBe("ended");
  });

  it("adds the team roster with workstream sync, page by page, leaving out bots", async () => {
    await inChannel("kim", "workstream setup Medication safety");
    const reply = await inChannel("kim", "workstream sync");
    expect(reply).toContain("Added Sam Jones, Chris Lee and Lee Park");
    expect(reply).not.toContain("Calendar bot");
    // Five people in pages of two: three calls to the paged members API of the team.
    const pages = h.connector.calls.filter((c) => c.kind === "members");
    expect(pages).toHaveLength(3);
    expect(pages.every((c) => c.conversationId === TEAM)).toBe(true);
    expect(h.store.members.list(workstream()?.id ?? -1)).toHaveLength(4);

    // None of them has chatted with the bot, but the app is in their team: their welcome
    // opens a 1:1 chat with each of them (Kim's was opened for her private answers).
    await h.bot.deliver();
    const created = h.connector.calls.filter((c) => c.kind === "create");
    expect(created.map((c) => (c.body.members as Array<{ id: string }>)[0]?.id).sort()).toEqual([
      "29:chris",
      "29:kim",
      "29:lee",
      "29:sam",
    ]);
    const welcome = h.connector.messagesTo("a:chat-29:sam");
    expect(welcome).toHaveLength(1);
    expect(textOf(welcome[0] as ConnectorCall)).toContain("Kim Patel has added you to");
  });
});
