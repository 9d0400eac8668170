import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { type Bot, createBot } from "../../src/bot.ts";
import type { Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { type ChatGateway, DeliveryError, type DeliveryFailure } from "../../src/ports/chat-gateway.ts";
import type { Logger } from "../../src/ports/logger.ts";
import type { Store } from "../../src/ports/store.ts";

/** A clock the test moves by hand. */
export function manualClock(start: string | Date) {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(at: string | Date) {
      now = new Date(at);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
export type ManualClock = ReturnType<typeof manualClock>;

/** A logger that keeps what was logged, so tests can see "dropped and logged". */
export function recordingLogger() {
  const entries: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => {
    entries.push({ level, msg, fields });
  };
  const log: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { log, entries };
}

export interface Sent {
  address: string;
  message: Message;
  text: string;
  /** The reference `send` returned for it (`ref-<n>`). */
  ref?: string;
}

/** A message rewritten in place: the reference of the one it replaced, and its new words. */
export interface Updated extends Sent {
  ref: string;
}

/**
 * The one double the core needs: a gateway that records what was sent, and can be told to fail
 * the next sends in a given way.
 */
export function recordingGateway(platform = "test") {
  const sent: Sent[] = [];
  const updated: Updated[] = [];
  const failures: DeliveryFailure[] = [];
  let down = false;
  const gateway: ChatGateway = {
    platform,
    async send(address, message) {
      if (down) throw new DeliveryError({ kind: "transient" }, "simulated outage");
      const failure = failures.shift();
      if (failure) throw new DeliveryError(failure, `simulated ${failure.kind}`);
      const ref = `ref-${sent.length + 1}`;
      sent.push({ address, message, text: renderPlainText(message), ref });
      return ref;
    },
    async update(address, ref, message) {
      if (down) throw new DeliveryError({ kind: "transient" }, "simulated outage");
      const failure = failures.shift();
      if (failure) throw new DeliveryError(failure, `simulated ${failure.kind}`);
      updated.push({ address, message, text: renderPlainText(message), ref });
    },
  };
  return {
    gateway,
    sent,
    /** Messages rewritten in place, in order. */
    updated,
    failNext: (...f: DeliveryFailure[]) => failures.push(...f),
    /** An outage: every send fails (transiently) until `false`. */
    setDown: (isDown: boolean) => {
      down = isDown;
    },
    to: (address: string) => sent.filter((s) => s.address === address),
    clear: () => sent.splice(0),
  };
}

/** A temporary SQLite file, migrated, removed after the test. */
export function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "cp-test-"));
  const path = join(dir, "test.db");
  const opened: Db[] = [];
  return {
    path,
    open(): Db {
      const db = openDatabase(path);
      migrate(db);
      opened.push(db);
      return db;
    },
    cleanup() {
      for (const db of opened) if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Harness {
  bot: Bot;
  /** The store the harness made for the bot (tests look at it directly; adapters never can). */
  store: Store;
  db: Db;
  clock: ManualClock;
  gateway: ReturnType<typeof recordingGateway>;
  logs: ReturnType<typeof recordingLogger>["entries"];
  /** Types a command as `who` (a handle such as "sam") in the workstream channel, or in a DM. */
  say(who: string, text: string, where?: "channel" | "dm"): Promise<{ text: string; error?: string }>;
  person(who: string): { key: string; name: string; dm: string };
  channel: string;
}

/**
 * A real bot on a real SQLite file with a manual clock and the recording gateway, on the
 * platform "test": Sam is `test:sam`, and is mentioned as `<@sam|Sam>` (the Slack form).
 */
export function createHarness(
  options: { start?: string; dbPath?: ReturnType<typeof tempDatabase> } = {},
): Harness & {
  cleanup(): void;
} {
  const database = options.dbPath ?? tempDatabase();
  const db = database.open();
  const clock = manualClock(options.start ?? "2026-12-01T10:00:00Z");
  const { log, entries } = recordingLogger();
  const store = createSqliteStore(db);
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock,
    log,
    defaultTimezone: "Europe/London",
  });
  const gateway = recordingGateway("test");
  bot.addGateway(gateway.gateway);
  const channel = "test:#group";
  const person = (who: string) => ({
    key: `test:${who}`,
    name: who.charAt(0).toUpperCase() + who.slice(1),
    dm: `test:${who}`,
  });
  return {
    bot,
    store,
    db,
    clock,
    gateway,
    logs: entries,
    channel,
    person,
    async say(who, text, where = "channel") {
      const reply = await bot.command({
        platform: "test",
        actor: person(who),
        ...(where === "channel" ? { channel } : {}),
        text,
      });
      return { text: renderPlainText(reply.message), ...(reply.error ? { error: reply.error } : {}) };
    },
    cleanup: () => database.cleanup(),
  };
}

/**
 * Sets up the usual group: Cora (coordinator), Chris (chair) and members Sam, Kim, Lee.
 * Mentions use the platform form `<@id|Name>`.
 */
export async function seedGroup(h: Harness): Promise<void> {
  await h.say("cora", "/workstream setup Medication safety");
  await h.say("cora", "/workstream add <@chris|Chris> <@sam|Sam> as service-user");
  await h.say("cora", "/workstream add <@kim|Kim> <@lee|Lee> as carer");
  await h.say("cora", "/workstream role <@chris|Chris> chair");
  await h.bot.deliver();
  h.gateway.clear();
}
