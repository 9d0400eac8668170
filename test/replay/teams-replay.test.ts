import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardOf, textOf } from "../helpers/teams-connector-mock.ts";
import { buttonOn, the } from "../helpers/teams-flow-driver.ts";
import {
  channelMessage,
  chatOf,
  installForAll,
  PEOPLE,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";
import { documented } from "./inbound.ts";

/**
 * Microsoft's own example activities (test/fixtures/inbound/teams, sources in SOURCES.md),
 * posted to the real CloudAdapter. The only field every test changes is `serviceUrl`, so the
 * bot's answers reach the stand-in connector instead of smba.trafficmanager.net; any other
 * change is named where it is made.
 */

type Activity = Record<string, unknown> & {
  from: Record<string, unknown>;
  recipient: Record<string, unknown>;
  conversation: Record<string, unknown>;
  channelData: Record<string, unknown>;
};

describe("Microsoft's documented Teams activities, through the real CloudAdapter", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Posts a documented activity as the Bot Connector would, to this test's connector. */
  const replay = (activity: Record<string, unknown>) =>
    h.post({ ...activity, serviceUrl: h.connector.serviceUrl });

  it("answers the documented 1:1 message in the same chat, with the help hint", async () => {
    const message = documented<Activity>("teams/message-personal");
    const response = await replay(message);
    expect(response.status).toBe(200);
    const replies = h.connector.messagesTo(String(message.conversation.id));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.activityId).toBe(message.id);
    expect(textOf(replies[0] as never)).toMatch(/help/i);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it("remembers the documented 1:1 chat, so a later message reaches it", async () => {
    const message = documented<Activity>("teams/message-personal");
    await replay(message);
    const gateway = the(h.gateways.get("teams"), "the Teams gateway");
    await gateway.send(`teams:${String(message.from.id)}`, {
      text: "Papers are ready",
      blocks: [{ kind: "text", text: "Papers are ready" }],
    });
    const sent = h.connector.messagesTo(String(message.conversation.id)).filter((c) => c.kind === "send");
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0] as never)).toContain("Papers are ready");
  });

  it("answers the documented channel @mention in the sender's 1:1 chat, never in the channel", async () => {
    const message = documented<Activity>("teams/message-channel-mention");
    const response = await replay(message);
    expect(response.status).toBe(200);
    await h.bot.deliver();
    const thread = String(message.conversation.id);
    const channel = thread.split(";")[0] ?? thread;
    // Nothing in the thread or the channel, where the whole team reads it.
    expect(h.connector.messages().filter((c) => c.conversationId?.startsWith(channel))).toEqual([]);
    // A 1:1 chat is created with the sender, and the answer goes there.
    const created = h.connector.calls.filter((c) => c.kind === "create");
    expect(created).toHaveLength(1);
    expect(JSON.stringify(created[0]?.body.members)).toContain(String(message.from.id));
    const answers = h.connector.messagesTo(`a:chat-${String(message.from.id)}`);
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0] as never)).toMatch(/help/i);
    // The thread is not taken for Richard's private chat: what is meant for him alone goes to him.
    const gateway = the(h.gateways.get("teams"), "the Teams gateway");
    await gateway.send(`teams:${String(message.from.id)}`, {
      text: "Your check-in",
      blocks: [{ kind: "text", text: "Your check-in" }],
    });
    expect(h.connector.messages().filter((c) => c.conversationId?.startsWith(channel))).toEqual([]);
    expect(h.connector.messagesTo(`a:chat-${String(message.from.id)}`)).toHaveLength(2);
  });

  describe("a card button, clicked as the documented adaptiveCard/action invoke", () => {
    /** The documented invoke, with the Activity fields the page omits taken from Sam's 1:1 chat. */
    function documentedInvoke(data: Record<string, unknown>, verb = "def") {
      const invoke = documented<{ value: { action: Record<string, unknown> } } & Record<string, unknown>>(
        "teams/invoke-adaptive-card-action",
      );
      invoke.value.action = { ...invoke.value.action, verb, data };
      return {
        ...invoke,
        // "other properties omitted for brevity" on the page:
        id: `doc-invoke-${Math.random().toString(36).slice(2)}`,
        channelId: "msteams",
        from: { ...PEOPLE.sam, aadObjectId: "aad-sam" },
        recipient: { id: "28:common-purpose", name: "Common Purpose" },
        conversation: { id: chatOf("sam"), conversationType: "personal", tenantId: "tenant-1" },
        channelData: { tenant: { id: "tenant-1" } },
        replyToId: "bot-activity-reminder",
      };
    }

    it('answers "I\'ll be there" with the card that replaces the reminder', async () => {
      await installForAll(h);
      await seedTeamsGroup(h);
      await h.post(channelMessage("chris", "meeting schedule 2026-12-09 09:00 Budget review"));
      await h.bot.tick();
      await h.bot.deliver();
      const reminder = the(
        h.connector.messagesTo(chatOf("sam")).find((c) => textOf(c).includes("Budget review")),
        "Sam's reminder",
      );
      const button = buttonOn(cardOf(reminder), "I'll be there");
      const response = await replay(documentedInvoke(button.data, button.verb));
      expect(response.status).toBe(200);
      const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(body.value.type).toBe("AdaptiveCard");
      expect(JSON.stringify(body.value)).toContain("Budget review");
      const ws = h.store.workstreams.all()[0];
      const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
      const sam = h.store.people.byKey(`teams:${PEOPLE.sam.id}`);
      expect(h.store.meetings.attendance(meeting?.id ?? -1, sam?.id ?? -1)).toBe("yes");
    });

    it("refuses the page's own example data, which is not one of our cards", async () => {
      const response = await replay(documentedInvoke({}));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
    });
  });

  it("stores the documented 1:1 conversationUpdate, so a proactive message can be sent", async () => {
    const update = documented<Activity & { membersAdded: Array<Record<string, unknown>> }>(
      "teams/conversation-update-personal",
    );
    // The page's placeholders, filled in: the bot is the member it says was added (its own
    // recipient placeholder disagrees), a user id, a 1:1 chat id and a tenant.
    const bot = String(update.membersAdded[0]?.id);
    const user = "29:1documented-user";
    update.recipient = { id: bot, name: "Common Purpose" };
    update.from = { ...update.from, id: user };
    update.membersAdded = [{ id: bot }, { ...update.membersAdded[1], id: user }];
    update.conversation = { ...update.conversation, id: "a:1documented-chat" };
    update.channelData = { tenant: { id: "72f988bf-86f1-41af-91ab-2d7cd011db47" } };
    expect((await replay(update)).status).toBe(200);

    const gateway = the(h.gateways.get("teams"), "the Teams gateway");
    await gateway.send(`teams:${user}`, { text: "Welcome", blocks: [{ kind: "text", text: "Welcome" }] });
    const sent = h.connector.messagesTo("a:1documented-chat");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.kind).toBe("send");
  });

  it("stores the team channel from the documented conversationUpdate, and can post there", async () => {
    const update = documented<Activity>("teams/conversation-update-team");
    expect((await replay(update)).status).toBe(200);
    const channel = String(update.conversation.id);
    const gateway = the(h.gateways.get("teams"), "the Teams gateway");
    await gateway.send(`teams:${channel}`, {
      text: "Meeting booked",
      blocks: [{ kind: "text", text: "Meeting booked" }],
    });
    const post = h.connector.messagesTo(channel);
    expect(post).toHaveLength(1);
    // A new post in the channel, not a reply in someone's thread.
    expect(post[0]?.kind).toBe("send");
  });
});
