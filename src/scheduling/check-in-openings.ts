import { HOUR } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";
import { openCheckIn } from "../use-cases/open-check-in.ts";

/**
 * A scheduled meeting whose end time has passed is ended, and its check-in opened (unless the
 * chair already opened it). After a long outage a check-in that would already have closed no
 * longer makes sense: the meeting is marked ended, and that is logged instead.
 * Returns how many check-in messages were queued.
 */
export function queueCheckInOpenings(core: Core, now: Date): number {
  let queued = 0;
  for (const meeting of core.store.checkIns.meetingsEndedBy(now)) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    if (!workstream) continue;
    core.store.meetings.setStatus(meeting.id, "ended", meeting.endsAt);
    const stale =
      meeting.endsAt.getTime() + workstream.settings["checkin-close-hours"] * HOUR <= now.getTime();
    if (stale) {
      core.log.warn(
        { meeting: meeting.id },
        "skipped a check-in: the meeting ended too long ago for one to make sense",
      );
      continue;
    }
    queued += openCheckIn(core, workstream, meeting, now).invited;
  }
  return queued;
}
