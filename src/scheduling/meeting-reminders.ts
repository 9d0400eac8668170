import { DAY } from "../domain/time.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { meetingReminderKey } from "../use-cases/meeting-details.ts";
import { dayBeforeReminder as reminder } from "../use-cases/meeting-reminder-message.ts";

/**
 * The day-before reminder: due 24 hours before a meeting starts, for every member who has not
 * asked for /quiet. Found again on every tick until the meeting starts; the outbox key makes
 * that harmless. The window also looks a day back, so a reminder missed while the bot was down
 * is still queued, and then dropped (and logged) by the sender as stale rather than vanishing.
 */
export function queueMeetingReminders(core: Core, now: Date): number {
  let queued = 0;
  // Half-open [from, to): the +1 makes a meeting exactly 24 hours away due now, not a tick later.
  const window = core.store.meetings.startingBetween(
    new Date(now.getTime() - DAY),
    new Date(now.getTime() + DAY + 1),
  );
  for (const meeting of window) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    if (!workstream) continue;
    const members = core.store.members.list(workstream.id);
    for (const member of members) {
      if (member.quietUntil && member.quietUntil > now) continue;
      const added = queueDirectMessage(
        core,
        workstream,
        member,
        reminder(workstream, meeting, member, members),
        {
          key: meetingReminderKey(meeting, member.id),
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
