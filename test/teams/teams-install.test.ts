import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Database } from "../../adapters/sqlite/open.ts";
import { type MockConnector, startMockConnector, textOf } from "../helpers/teams-connector-mock.ts";
import {
  BOT,
  CHANNEL,
  channelMessage,
  chatOf,
  PEOPLE,
  personalInstall,
  startTeamsHarness,
  TEAM,
  TENANT,
} from "../helpers/teams-harness.ts";

describe("Teams installation and conversation references", () => {
  let dir: string;
  let connector: MockConnector;
  afterEach(async () => {
    await connector?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("stores the 1:1 chat on install in SQLite, and a new bot on the same file can still write to it", async () => {
    dir = mkdtempSync(join(tmpdir(), "cp-teams-install-"));
    const dbPath = join(dir, "bot.db");
    connector = await startMockConnector();

    const first = await startTeamsHarness({ dbPath, connector });
    expect((await first.post(personalInstall("sam"))).status).toBe(200);
    const greeting = await connector.waitFor((c) => c.conversationId === chatOf("sam"));
    expect(textOf(greeting)).toContain("Hi Sam Jones — I'm Common Purpose");
    await first.close();

    // The reference is in the database file, not in memory.
    const raw = new Database(dbPath, { readonly: true });
    const text = JSON.stringify(raw.prepare("SELECT * FROM adapter_data").all());
    raw.close();
    expect(text).toContain(chatOf("sam"));
    expect(text).toContain(connector.serviceUrl);

    // A fresh process: Kim sets up the workstream and adds Sam, whose welcome reaches the chat.
    const second = await startTeamsHarness({ dbPath, connector });
    await second.post(channelMessage("kim", "workstream setup Medication safety"));
    await second.post(channelMessage("kim", `workstream add <at>${PEOPLE.sam.name}</at>`, ["sam"]));
    await second.bot.deliver();
    const welcome = connector.messagesTo(chatOf("sam")).filter((c) => textOf(c).includes("has added you"));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.kind).toBe("send");
    expect(welcome[0]?.body.conversation).toMatchObject({ id: chatOf("sam") });
    await second.close();
  });

  it("remembers a team channel when the bot is added to the team, and can post there", async () => {
    connector = await startMockConnector();
    const h = await startTeamsHarness({ connector });
    const added = await h.post({
      type: "conversationUpdate",
      id: "cu-1",
      channelId: "msteams",
      from: PEOPLE.kim,
      recipient: BOT,
      conversation: { id: CHANNEL, conversationType: "channel", isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: "teamMemberAdded" },
      membersAdded: [BOT],
    });
    expect(added.status).toBe(200);
    const gateway = h.gateways.get("teams");
    await gateway?.send(`teams:${CHANNEL}`, {
      text: "Hello channel",
      blocks: [{ kind: "text", text: "Hello channel" }],
    });
    const post = connector.messagesTo(CHANNEL);
    expect(post).toHaveLength(1);
    // A new post in the channel, not a reply in someone's thread.
    expect(post[0]?.kind).toBe("send");
    await h.close();
  });

  it("forgets a 1:1 chat when the app is removed, so later messages are reported, not lost", async () => {
    connector = await startMockConnector();
    const h = await startTeamsHarness({ connector });
    await h.post(personalInstall("sam"));
    await h.post({ ...personalInstall("sam"), id: "uninstall-1", action: "remove" });
    const gateway = h.gateways.get("teams");
    await expect(
      gateway?.send("teams:29:sam", { text: "Hi", blocks: [{ kind: "text", text: "Hi" }] }),
    ).rejects.toMatchObject({ failure: { kind: "unreachable" } });
    await h.close();
  });
});
