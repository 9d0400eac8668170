import type { Core } from "../ports/core.ts";
import { closeCheckIn } from "../use-cases/close-check-in.ts";

/** Check-ins whose `checkin-close-hours` are up are closed, and the chairs get the summary. */
export function queueCheckInClosings(core: Core, now: Date): number {
  return core.store.checkIns
    .dueToClose(now)
    .reduce((sum, checkIn) => sum + closeCheckIn(core, checkIn, now), 0);
}
