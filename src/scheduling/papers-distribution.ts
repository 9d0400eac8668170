import { papersDueAt } from "../domain/papers.ts";
import { DAY } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";
import { distributePapers } from "../use-cases/distribute-papers.ts";

/** The longest `papers-lead-days` allows (see settings.ts), plus a day's slack. */
const LONGEST_LEAD = 61 * DAY;

/**
 * The papers rule: once a meeting is `papers-lead-days` away, its papers go to every member in
 * one direct message. Found again on every tick until the meeting starts; the outbox key makes
 * that harmless, and lets someone added to the workstream since still get the papers.
 * Meetings with no papers yet are left alone (the digest shows them as missing).
 */
export function queuePapersDistribution(core: Core, now: Date): number {
  let queued = 0;
  const window = core.store.meetings.startingBetween(now, new Date(now.getTime() + LONGEST_LEAD));
  for (const meeting of window) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    if (!workstream) continue;
    if (papersDueAt(meeting, workstream.settings).getTime() > now.getTime()) continue;
    queued += distributePapers(core, workstream, meeting, now);
  }
  return queued;
}
