import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { startTeams } from "../../adapters/teams/teams-app.ts";
import { createBot } from "../../src/bot.ts";
import type { ChatGateway } from "../../src/ports/chat-gateway.ts";
import { type Logger, silentLogger } from "../../src/ports/logger.ts";
import { manualClock } from "./harness.ts";
import { type MockConnector, type MockConnectorOptions, startMockConnector } from "./teams-connector-mock.ts";

/** The bot's own Teams identity, and the people and places of the tests. */
export const BOT = { id: "28:common-purpose", name: "Common Purpose" };
export const TENANT = "tenant-1";
export const TEAM = "19:team-general@thread.tacv2";
export const CHANNEL = "19:medication-safety@thread.tacv2";
export const PEOPLE = {
  kim: { id: "29:kim", name: "Kim Patel" },
  sam: { id: "29:sam", name: "Sam Jones" },
  chris: { id: "29:chris", name: "Chris Lee" },
  lee: { id: "29:lee", name: "Lee Park" },
} as const;
export type Who = keyof typeof PEOPLE;

/** A person's 1:1 chat with the bot. */
export const chatOf = (who: Who) => `a:dm-${who}`;

/** A clock the test moves by hand. Tuesday 8 December 2026, 10am in London: not quiet hours. */
export const createManualClock = (start: Date | string = "2026-12-08T10:00:00Z") => manualClock(start);

export interface TeamsHarness {
  bot: ReturnType<typeof createBot>;
  store: ReturnType<typeof createSqliteStore>;
  clock: ReturnType<typeof createManualClock>;
  connector: MockConnector;
  /** The gateways the adapter registered with the bot, so a test can send through Teams itself. */
  gateways: Map<string, ChatGateway>;
  /** POSTs an activity to /api/messages, as the Bot Connector does. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  dbPath: string;
  close(): Promise<void>;
}

/**
 * The real bot in-process: SQLite on a temp file, the real CloudAdapter (local mode: no app
 * id) behind the shared HTTP server, and the Bot Connector stand-in recording what it sends.
 */
export async function startTeamsHarness(
  options: MockConnectorOptions & { dbPath?: string; connector?: MockConnector; log?: Logger } = {},
): Promise<TeamsHarness> {
  const log = options.log ?? silentLogger;
  const dir = mkdtempSync(join(tmpdir(), "cp-teams-"));
  const dbPath = options.dbPath ?? join(dir, "test.db");
  const db = openDatabase(dbPath);
  migrate(db);
  const store = createSqliteStore(db);
  const clock = createManualClock();
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock,
    log,
    defaultTimezone: "Europe/London",
  });
  const gateways = new Map<string, ChatGateway>();
  const addGateway = bot.addGateway;
  bot.addGateway = (gateway) => {
    gateways.set(gateway.platform, gateway);
    addGateway(gateway);
  };
  const connector = options.connector ?? (await startMockConnector(options));
  const adapter = await startTeams({ appId: "", appPassword: "", production: false, bot, log });
  const server: Server = createHttpServer(adapter.routes, (error) => {
    throw error;
  });
  const port = await listen(server, 0);
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  return {
    bot,
    store,
    clock,
    connector,
    gateways,
    dbPath,
    async post(activity) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ serviceUrl: connector.serviceUrl, ...activity }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Let any delivery the last command woke finish before the database goes away.
      await bot.deliver().catch(() => 0);
      if (!options.connector) await connector.close();
      db.close();
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let activitySeq = 0;
const nextId = () => `act-${++activitySeq}-${Math.random().toString(36).slice(2, 8)}`;

/** A message typed to the bot in the person's 1:1 chat. */
export function personalMessage(who: Who, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    id: nextId(),
    channelId: "msteams",
    from: { ...PEOPLE[who], aadObjectId: `aad-${who}` },
    recipient: BOT,
    conversation: { id: chatOf(who), conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text,
    ...extra,
  };
}

/**
 * A channel message that @mentions the bot (and anyone else named in `mentions`), as Teams
 * sends it: `<at>Name</at>` in the text and one mention entity each.
 */
export function channelMessage(who: Who, text: string, mentions: Who[] = []) {
  const entities = [
    { type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT },
    ...mentions.map((m) => ({ type: "mention", text: `<at>${PEOPLE[m].name}</at>`, mentioned: PEOPLE[m] })),
  ];
  const id = nextId();
  return {
    type: "message",
    id,
    channelId: "msteams",
    from: { ...PEOPLE[who], aadObjectId: `aad-${who}` },
    recipient: BOT,
    conversation: {
      id: `${CHANNEL};messageid=${id}`,
      conversationType: "channel",
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAM, name: "Health board" },
      channel: { id: CHANNEL, name: "Medication safety" },
    },
    text: `<at>${BOT.name}</at> ${text}`,
    entities,
  };
}

/** The app installed in a person's 1:1 scope. */
export function personalInstall(who: Who) {
  return {
    type: "installationUpdate",
    action: "add",
    id: nextId(),
    channelId: "msteams",
    from: { ...PEOPLE[who], aadObjectId: `aad-${who}` },
    recipient: BOT,
    conversation: { id: chatOf(who), conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/** An Action.Execute click (Universal Actions) on a card in the person's 1:1 chat. */
export function cardAction(who: Who, data: Record<string, unknown>, replyToId = "bot-activity-x") {
  return {
    type: "invoke",
    name: "adaptiveCard/action",
    id: nextId(),
    channelId: "msteams",
    from: { ...PEOPLE[who], aadObjectId: `aad-${who}` },
    recipient: BOT,
    conversation: { id: chatOf(who), conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    replyToId,
    value: { action: { type: "Action.Execute", verb: String(data.action), data }, trigger: "manual" },
  };
}

/** Has everyone install the app in their 1:1 scope, so the bot can write to them. */
export async function installForAll(h: TeamsHarness, people: Who[] = ["kim", "sam", "chris", "lee"]) {
  for (const who of people) {
    const response = await h.post(personalInstall(who));
    if (response.status !== 200) throw new Error(`install answered ${response.status}`);
  }
}

/** The usual group: Kim (coordinator) sets it up in the channel, adds Sam, Chris and Lee; Chris chairs. */
export async function seedTeamsGroup(h: TeamsHarness): Promise<void> {
  await h.post(channelMessage("kim", "workstream setup Medication safety"));
  await h.post(
    channelMessage(
      "kim",
      `workstream add <at>${PEOPLE.sam.name}</at> <at>${PEOPLE.chris.name}</at> <at>${PEOPLE.lee.name}</at>`,
      ["sam", "chris", "lee"],
    ),
  );
  await h.post(channelMessage("kim", `workstream role <at>${PEOPLE.chris.name}</at> chair`, ["chris"]));
  await h.bot.deliver();
}
