import type { Meeting, Member, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { DAY, formatWhen } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { nameList } from "../use-cases/people.ts";
import { apologiesGoTo } from "../use-cases/record-attendance.ts";

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
          key: `meeting-reminder:${meeting.id}:${member.id}`,
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

/**
 * "Letting the chair know helps them plan" — but a chair is not asked to let the chair know:
 * they are told who hears if they can't come (the other chairs, or the coordinators).
 */
function canYouCome(person: Member, members: Member[]): string {
  if (person.role !== "chair") return "Can you come? Letting the chair know helps them plan.";
  const names = nameList(apologiesGoTo(person, members).map((m) => m.name));
  return names
    ? `Can you come? If not, press "I can't make it" and I'll let ${names} know.`
    : "Can you come?";
}

function reminder(workstream: Workstream, meeting: Meeting, person: Member, members: Member[]): Message {
  const zone = workstream.settings.timezone;
  const id = formatId("meeting", meeting.seq);
  // The full date, not "tomorrow": quiet hours may hold this message into the meeting's own day.
  const text = rich`Hi ${person.name} — a reminder that ${em(meeting.title)} (${id}) is on ${formatWhen(meeting.startsAt, zone)}.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "text", text: canYouCome(person, members) },
      {
        kind: "buttons",
        buttons: [
          {
            action: "meeting.attending",
            label: "I'll be there",
            value: String(meeting.id),
            style: "primary",
          },
          { action: "meeting.apologies", label: "I can't make it", value: String(meeting.id) },
        ],
      },
    ],
  };
}
