import { papersReminderAt } from "../domain/papers.ts";
import { DAY } from "../domain/time.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { papersReminder } from "../use-cases/papers-messages.ts";

/** The longest `papers-reminder-days` allows (see settings.ts), plus a day's slack. */
const LONGEST_REMINDER = 31 * DAY;

/**
 * The one papers reminder: `papers-reminder-days` before the meeting, to each member who has
 * not said they've read them and has not asked for /quiet. It is a reminder, so the sender also
 * skips it for anyone who asks for quiet after it was queued, and quiet hours hold it. The
 * window looks a day back, so a reminder missed while the bot was down is still queued and then
 * dropped (and logged) by the sender as stale rather than vanishing silently.
 */
export function queuePapersReminders(core: Core, now: Date): number {
  let queued = 0;
  const window = core.store.meetings.startingBetween(
    new Date(now.getTime() - DAY),
    new Date(now.getTime() + LONGEST_REMINDER),
  );
  for (const meeting of window) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    const distribution = core.store.papers.distribution(meeting.id);
    if (!workstream || !distribution) continue;
    if (papersReminderAt(meeting, workstream.settings, distribution.sentAt).getTime() > now.getTime())
      continue;
    const readers = new Set(core.store.papers.readers(meeting.id));
    const papers = core.store.papers.forMeeting(meeting.id).filter((p) => p.sentAt !== null);
    const members = core.store.members.list(workstream.id);
    for (const member of members) {
      if (readers.has(member.id)) continue;
      if (member.quietUntil && member.quietUntil > now) continue;
      const added = queueDirectMessage(
        core,
        workstream,
        member,
        papersReminder(workstream, meeting, papers, member, members),
        {
          key: `papers-reminder:${meeting.id}:${member.id}`,
          subject: `meeting:${meeting.id}`,
          isReminder: true,
          expiresAt: meeting.startsAt,
        },
      );
      if (added) queued++;
    }
  }
  return queued;
}
