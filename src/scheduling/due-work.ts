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

/**
 * "What is due now?" — run by every tick. Each rule has its own transaction, so one that fails
 * (a bad row, say) is logged and retried next tick without holding back every other kind of
 * message. Returns how many were queued.
 */
export function queueDueWork(core: Core): number {
  const now = core.clock.now();
  let queued = 0;
  for (const rule of RULES) {
    try {
      queued += core.store.transaction(() => rule(core, now));
    } catch (error) {
      core.log.error(
        { rule: rule.name, err: error instanceof Error ? error.name : "unknown" },
        "a scheduling rule failed",
      );
    }
  }
  return queued;
}
