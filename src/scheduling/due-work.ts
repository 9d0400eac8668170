import type { Workstream } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";
import { queueCheckInClosings } from "./check-in-closing.ts";
import { queueCheckInOpenings } from "./check-in-openings.ts";
import { queueCheckInReminders } from "./check-in-reminders.ts";
import { queueDigests } from "./digest-schedule.ts";
import { queueGroundRulesClosings } from "./ground-rules-closing.ts";
import { queueMeetingReminders } from "./meeting-reminders.ts";
import { logMissedWork } from "./missed-work.ts";
import { queueOneToOneReminders } from "./one-to-one-overdue.ts";
import { queuePapersDistribution } from "./papers-distribution.ts";
import { queuePapersReminders } from "./papers-reminders.ts";
import { queueParkedRevisitReminders } from "./parked-revisit-reminders.ts";
import { queueProgrammeDigests } from "./programme-digest.ts";
import { queueReviewClosings } from "./review-closing.ts";
import { queueReviewOpenings } from "./review-openings.ts";
import { queueReviewReminders } from "./review-reminders.ts";

/**
 * One rule per kind of scheduled message. Each looks at the database and the clock and queues
 * whatever is due; being found due again is harmless, because the outbox key is unique.
 */
const RULES: Array<(core: Core, now: Date) => number> = [
  queueMeetingReminders,
  queueCheckInOpenings,
  queueCheckInReminders,
  queueCheckInClosings,
  // Before the papers: parked items due join the agenda first, so papers that fall due on the
  // same tick carry them, rather than going out and being updated at once.
  queueParkedRevisitReminders,
  queuePapersDistribution,
  queuePapersReminders,
  queueDigests,
  queueOneToOneReminders,
  queueGroundRulesClosings,
  // Closings first: a review that closes on this tick lets the next scheduled one open.
  queueReviewClosings,
  queueReviewOpenings,
  queueReviewReminders,
  queueProgrammeDigests,
];

/**
 * The final evaluation goes out as a workstream closes, and must still be reminded of and
 * closed (its summary sent) afterwards: these two act only on reviews already open, so they
 * see closed workstreams too. Nothing else does.
 */
const ALSO_WHEN_CLOSED = new Set([queueReviewClosings, queueReviewReminders]);

/**
 * "What is due now?" — run by every tick. Each rule has its own transaction, so one that fails
 * (a bad row, say) is logged and retried next tick without holding back every other kind of
 * message. Then what fell due since the last tick and can no longer be sent is logged.
 * Returns how many were queued.
 */
export function queueDueWork(core: Core): number {
  const now = core.clock.now();
  const since = core.store.scheduler.lastTick();
  const open = openWorkstreamsOnly(core);
  let queued = 0;
  for (const rule of RULES) {
    try {
      queued += core.store.transaction(() => rule(ALSO_WHEN_CLOSED.has(rule) ? core : open, now));
    } catch (error) {
      core.log.error(
        { rule: rule.name, err: error instanceof Error ? error.name : "unknown" },
        "a scheduling rule failed",
      );
    }
  }
  try {
    logMissedWork(open, since, now);
  } catch (error) {
    core.log.error(
      { err: error instanceof Error ? error.name : "unknown" },
      "could not check for missed work",
    );
  }
  // Recorded even when the check failed: the next tick must not look at the same gap again.
  core.store.scheduler.recordTick(now);
  return queued;
}

/**
 * The core as the scheduler sees it: a closed workstream (PRODUCT.md §13) is not there, so no
 * rule finds anything of its due — no reminders, digests, check-ins or reviews. Every rule
 * already looks its workstream up and skips one it cannot find: this is the one check.
 */
function openWorkstreamsOnly(core: Core): Core {
  const { workstreams } = core.store;
  const open = (w: Workstream | undefined) => (w?.closedAt ? undefined : w);
  return {
    ...core,
    store: {
      ...core.store,
      workstreams: {
        ...workstreams,
        byId: (id) => open(workstreams.byId(id)),
        byChannel: (channel) => open(workstreams.byChannel(channel)),
        byName: (name) => open(workstreams.byName(name)),
        all: () => workstreams.all().filter((w) => !w.closedAt),
      },
    },
  };
}
