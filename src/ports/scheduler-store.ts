import type { Meeting } from "../domain/entities.ts";

/**
 * What the scheduler remembers about its own runs, and the one query it needs to find work
 * that fell due while the bot was not running.
 */
export interface SchedulerStore {
  /** When the last tick ran, or undefined before the first one on this database. */
  lastTick(): Date | undefined;
  recordTick(at: Date): void;
  /** Meetings (held or not, never cancelled) that started in (after, upTo], earliest first. */
  meetingsStartedBetween(after: Date, upTo: Date): Meeting[];
}
