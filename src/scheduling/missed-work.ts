import type { Meeting, Member, Workstream } from "../domain/entities.ts";
import { papersDueAt, papersReminderAt } from "../domain/papers.ts";
import { DAY } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";
import { meetingReminderKey } from "../use-cases/meeting-details.ts";
import { logMissedDigests } from "./digest-schedule.ts";
import { logMissedProgrammeDigests } from "./programme-digest.ts";

/**
 * A gap between ticks no longer than this is the ticker's own minute (with room for a slow
 * tick): nothing can fall due and go stale inside it, so there is nothing to look for.
 */
const TICKER_GAP = 2 * 60_000;

/**
 * After downtime: logs, once each, the scheduled messages that fell due in (since, now] and
 * that no rule will queue any more — a digest slot older than the look-back, and the papers,
 * papers reminders and day-before reminders of meetings that started meanwhile. Run after the
 * rules: what they queued late has a row, and the sender drops and logs it as stale, so it is
 * not logged here too. Each gap is looked at once, because the tick then records `now`.
 */
export function logMissedWork(core: Core, since: Date | undefined, now: Date): void {
  if (!since || now.getTime() - since.getTime() <= TICKER_GAP) return;
  logMissedDigests(core, since, now);
  logMissedProgrammeDigests(core, since, now);
  for (const meeting of core.store.scheduler.meetingsStartedBetween(since, now)) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    if (workstream) logMissedForMeeting(core, workstream, meeting, since, now);
  }
}

function logMissedForMeeting(
  core: Core,
  workstream: Workstream,
  meeting: Meeting,
  since: Date,
  now: Date,
): void {
  const ids = { workstream: workstream.id, meeting: meeting.id };
  const msg = "missed while the bot was down; not sent";
  // Anything due at or before `since` was the last tick's to queue, while the bot was up.
  const dueWhileDown = (at: Date) => at.getTime() > since.getTime();
  const members = core.store.members.list(workstream.id);
  const unqueued = (prefix: string, who: Member[]) =>
    who.filter((m) => {
      const key =
        prefix === "meeting-reminder" ? meetingReminderKey(meeting, m.id) : `${prefix}:${meeting.id}:${m.id}`;
      return !(m.quietUntil && m.quietUntil > now) && !core.store.outbox.byKey(key);
    }).length;

  if (dueWhileDown(new Date(meeting.startsAt.getTime() - DAY))) {
    const people = unqueued("meeting-reminder", members);
    if (people > 0) core.log.warn({ kind: "meeting-reminder", ...ids, people }, msg);
  }
  const distribution = core.store.papers.distribution(meeting.id);
  if (!distribution) {
    const hasPapers = core.store.papers.forMeeting(meeting.id).length > 0;
    if (hasPapers && dueWhileDown(papersDueAt(meeting, workstream.settings)))
      core.log.warn({ kind: "papers", ...ids }, msg);
    return;
  }
  if (dueWhileDown(papersReminderAt(meeting, workstream.settings, distribution.sentAt))) {
    const readers = new Set(core.store.papers.readers(meeting.id));
    const people = unqueued(
      "papers-reminder",
      members.filter((m) => !readers.has(m.id)),
    );
    if (people > 0) core.log.warn({ kind: "papers-reminder", ...ids, people }, msg);
  }
}
