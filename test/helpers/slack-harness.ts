import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { createBot } from "../../src/bot.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { manualClock } from "./harness.ts";
import { type MockSlack, type MockSlackOptions, startMockSlack } from "./slack-api-mock.ts";
import { buttonIn } from "./slack-buttons.ts";
import { createSlackSigner, type SlackSigner } from "./slack-signer.ts";

export const SIGNING_SECRET = "test-signing-secret";

/** A clock the test moves by hand. Tuesday 8 December 2026, 10am in London: not quiet hours. */
export const createManualClock = (start: Date | string = "2026-12-08T10:00:00Z") => manualClock(start);

export interface SlackHarness {
  bot: ReturnType<typeof createBot>;
  store: ReturnType<typeof createSqliteStore>;
  /** The database under the store, for tests that look at rows (or forget someone). */
  db: Db;
  clock: ReturnType<typeof createManualClock>;
  api: MockSlack;
  slack: SlackSigner;
  close(): Promise<void>;
}

/**
 * The real bot in-process: SQLite on a temp file, the real Bolt receiver behind the shared HTTP
 * server, and the Web API stand-in recording what the bot sends.
 */
export async function startSlackHarness(options: MockSlackOptions = {}): Promise<SlackHarness> {
  const dir = mkdtempSync(join(tmpdir(), "cp-slack-"));
  const db = openDatabase(join(dir, "test.db"));
  migrate(db);
  const store = createSqliteStore(db);
  const clock = createManualClock();
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock,
    log: silentLogger,
    defaultTimezone: "Europe/London",
  });
  const api = await startMockSlack(options);
  const adapter = await startSlack({
    botToken: "xoxb-test",
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    bot,
    log: silentLogger,
  });
  const server: Server = createHttpServer(adapter.routes, (error) => {
    throw error;
  });
  const port = await listen(server, 0);
  const slack = createSlackSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  return {
    bot,
    store,
    db,
    clock,
    api,
    slack,
    async close() {
      await adapter.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Let any delivery the last command woke finish before the database goes away.
      await bot.deliver().catch(() => 0);
      await api.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed slash command from `user` in `channel` ("D…" for a DM); resolves to the ephemeral reply text. */
export async function runCommand(
  h: SlackHarness,
  input: { user: string; userName?: string; channel?: string; command: string; text?: string },
): Promise<string> {
  const id = `r${h.api.calls.length}-${Math.random().toString(36).slice(2)}`;
  const response = await h.slack.command({
    user_id: input.user,
    user_name: input.userName ?? input.user.toLowerCase(),
    channel_id: input.channel ?? "C1",
    command: input.command,
    text: input.text ?? "",
    response_url: h.api.responseUrl(id),
  });
  if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
  const reply = await h.api.waitFor("response_url", (c) => c.path === `/respond/${id}`);
  if (reply.body.response_type !== "ephemeral") throw new Error("a slash command answer must be ephemeral");
  return String(reply.body.text);
}

/**
 * The workstream most Slack tests start from, set up as people would in channel C1: U1 (the
 * coordinator) sets up "Medication safety", adds `members` and makes U3 the chair.
 */
export async function setUpMedicationSafety(h: SlackHarness, members: string[]): Promise<void> {
  await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
  await runCommand(h, {
    user: "U1",
    command: "/workstream",
    text: `add ${members.map((m) => `<@${m}>`).join(" ")}`,
  });
  await runCommand(h, { user: "U1", command: "/workstream", text: "role <@U3> chair" });
}

/**
 * `/workstream close` typed by `user` in `channel`, then its "Yes, close it" button clicked, as
 * Slack sends both; resolves once the click has been answered.
 */
export async function closeWorkstream(h: SlackHarness, user: string, channel: string): Promise<void> {
  const response = await h.slack.command({
    user_id: user,
    user_name: user.toLowerCase(),
    channel_id: channel,
    command: "/workstream",
    text: "close",
    response_url: h.api.responseUrl("close"),
  });
  if (response.status !== 200) throw new Error(`/workstream close answered ${response.status}`);
  const prompt = await h.api.waitFor("response_url", (c) => c.path === "/respond/close");
  const confirm = buttonIn(prompt, "Yes, close it");
  await h.slack.interaction({
    type: "block_actions",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
    team: { id: "T1", domain: "test" },
    api_app_id: "A1",
    trigger_id: `t-close-${user}`,
    container: { type: "message", channel_id: channel, message_ts: "1.0", is_ephemeral: true },
    channel: { id: channel, name: "group" },
    message: { ts: "1.0", text: "x" },
    response_url: h.api.responseUrl("click-close"),
    actions: [
      { type: "button", block_id: "b", action_id: confirm.action_id, value: confirm.value, action_ts: "1" },
    ],
  });
  await h.api.waitFor("response_url", (c) => c.path === "/respond/click-close");
}

/** A modal opened by the bot (`views.open`'s view), submitted by `user` as Slack sends it. */
export function submitModal(
  h: SlackHarness,
  input: {
    user: string;
    view: { callback_id: string; private_metadata: string };
    values: Record<string, Record<string, unknown>>;
    trigger: string;
  },
) {
  const { user, view, trigger } = input;
  return h.slack.interaction({
    type: "view_submission",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T1" },
    team: { id: "T1", domain: "test" },
    api_app_id: "A1",
    trigger_id: `${trigger}-submit`,
    view: {
      id: `V-${trigger}`,
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: input.values },
      hash: "h",
    },
  });
}
