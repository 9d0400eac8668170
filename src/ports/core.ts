import type { Member, Person, Workstream } from "../domain/entities.ts";
import type { ChatGateway } from "./chat-gateway.ts";
import type { Clock } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { Store } from "./store.ts";

/** What every use case may use. Built once in main.ts (or a test). */
export interface Core {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Time zone for new workstreams (DEFAULT_TIMEZONE). */
  defaultTimezone: string;
  /** The platforms this process talks to, by address prefix. */
  gateways: Map<string, ChatGateway>;
  /** Days a sent message's body is kept (OUTBOX_RETENTION_DAYS). */
  outboxRetentionDays: number;
}

/** Who typed a command, where, and (once resolved) in which workstream and role. */
export interface CommandContext {
  platform: string;
  actor: Person;
  /** The channel it was typed in; undefined in a direct message. */
  channel?: string;
  workstream?: Workstream;
  member?: Member;
}

/** A context whose workstream has been resolved. */
export interface WorkstreamContext extends CommandContext {
  workstream: Workstream;
}
