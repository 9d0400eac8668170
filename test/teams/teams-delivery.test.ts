import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConnectorCall, textOf } from "../helpers/teams-connector-mock.ts";
import {
  channelMessage,
  chatOf,
  installForAll,
  PEOPLE,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

describe("Teams delivery through the outbox", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await h.post(channelMessage("kim", "workstream setup Medication safety"));
  });
  afterEach(async () => {
    await h.close();
  });

  const addSam = () => h.post(channelMessage("kim", `workstream add <at>${PEOPLE.sam.name}</at>`, ["sam"]));
  const welcomesTo = (chat: string) =>
    h.connector.messagesTo(chat).filter((c) => textOf(c).includes("has added you to"));

  it("retries a 429 after Retry-After, itself rather than in the SDK, and the message arrives once", async () => {
    await installForAll(h, ["sam"]);
    h.connector.fail(429, 1, { retryAfter: "3", conversationId: chatOf("sam") });
    await addSam();
    await h.bot.deliver();
    const attempts = () =>
      h.connector.calls.filter((c) => c.conversationId === chatOf("sam") && c.kind === "send");
    // One refused attempt and no silent SDK retry behind it.
    expect(attempts().map((c) => c.status)).toEqual([429]);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 1, sent: 0 });

    h.clock.advance(1000);
    await h.bot.deliver();
    expect(attempts()).toHaveLength(1);
    h.clock.advance(2500);
    await h.bot.deliver();
    expect(attempts().map((c) => c.status)).toEqual([429, 200]);
    expect(welcomesTo(chatOf("sam"))).toHaveLength(1);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, sent: 1, failed: 0 });
  });

  it("marks someone who blocked the bot (403) unreachable at once and tells the coordinator", async () => {
    await installForAll(h, ["kim", "sam"]);
    h.connector.block(chatOf("sam"));
    await addSam();
    await h.bot.deliver();
    h.clock.advance(60 * 60_000);
    await h.bot.deliver();
    const tries = h.connector.calls.filter((c) => c.conversationId === chatOf("sam") && c.kind === "send");
    expect(tries.map((c) => c.status)).toEqual([403]);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, failed: 1 });
    const toKim = h.connector.messagesTo(chatOf("kim")).filter((c) => textOf(c).includes("couldn't send"));
    expect(toKim).toHaveLength(1);
    expect(textOf(toKim[0] as ConnectorCall)).toContain("I couldn't send a message to Sam Jones");
  });

  it("reports a member with no conversation at all to the coordinator, instead of skipping them", async () => {
    await installForAll(h, ["kim"]);
    // Named by mention, but never seen in a team or chat the bot is in.
    const outsider = { id: "29:outsider", name: "Olu Outsider" };
    const activity = channelMessage("kim", `workstream add <at>${outsider.name}</at>`);
    activity.entities.push({ type: "mention", text: `<at>${outsider.name}</at>`, mentioned: outsider });
    await h.post(activity);
    await h.bot.deliver();
    expect(h.connector.calls.some((c) => JSON.stringify(c.body).includes("29:outsider"))).toBe(false);
    const row = h.store.outbox.countByStatus();
    expect(row.failed).toBe(1);
    const toKim = h.connector
      .messagesTo(chatOf("kim"))
      .filter((c) => textOf(c).includes("I couldn't send a message to Olu Outsider"));
    expect(toKim).toHaveLength(1);
    expect(textOf(toKim[0] as ConnectorCall)).toContain("They may not have installed the app yet");
  });

  it("retries a 502 later without giving up, and sends it once", async () => {
    await installForAll(h, ["sam"]);
    h.connector.fail(502, 1, { conversationId: chatOf("sam") });
    await addSam();
    await h.bot.deliver();
    expect(welcomesTo(chatOf("sam"))).toHaveLength(0);
    h.clock.advance(5_000);
    await h.bot.deliver();
    expect(welcomesTo(chatOf("sam"))).toHaveLength(1);
    expect(h.store.outbox.countByStatus()).toMatchObject({ pending: 0, sent: 1 });
  });
});
