import type { Core } from "../use-cases/core.ts";
import { queueCheckInClosings } from "./check-in-closing.ts";
import { queueCheckInOpenings } from "./check-in-openings.ts";
import { queueCheckInReminders } from "./check-in-reminders.ts";
import { queueDigests } from "./digest-schedule.ts";
import { queueMeetingReminders } from "./meeting-reminders.ts";
import { queueOneToOneReminders } from "./one-to-one-overdue.ts";
import { queuePapersDistribution } from "./papers-distribution.ts";
import { queuePapersReminders } from "./papers-reminders.ts";
import { queueParkedRevisitReminders } from "./parked-revisit-reminders.ts";

/**
 * One rule per kind of scheduled message. Each looks at the database and the clock and queues
 * whatever is due; being found due again is harmless, because the outbox key is unique.
 */
const RULES: Array<(core: Core, now: Date) => number> = [
  queueMeetingReminders,
  queueCheckInOpenings,
  queueCheckInReminders,
  queueCheckInClosings,
  queuePapersDistribution,
  queuePapersReminders,
  queueParkedRevisitReminders,
  queueDigests,
  queueOneToOneReminders,
];

/** "What is due now?" — run by every tick, in one transaction. Returns how many were queued. */
export function queueDueWork(core: Core): number {
  const now = core.clock.now();
  return core.store.transaction(() => RULES.reduce((sum, rule) => sum + rule(core, now), 0));
}
