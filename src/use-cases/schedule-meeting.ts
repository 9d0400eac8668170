import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { DAY, formatTime, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

const EXAMPLE = [code("/meeting schedule next tuesday 2pm for 90m Medication safety")];

/** What `/meeting schedule` was asked, read completely by the command. */
export interface ScheduleInput {
  startsAt: Date;
  minutes: number;
  /** Cleaned and within the limit; the workstream's name is used when there is none. */
  title?: string;
}

/** `/meeting schedule <when> [for <duration>] [<title>]` → M-n, answered with the date understood. */
export function scheduleMeeting(core: Core, ctx: WorkstreamContext, input: ScheduleInput): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const when = { at: input.startsAt };
  if (when.at.getTime() <= now.getTime()) {
    refuse(
      "meeting.past",
      rich`${formatWhen(when.at, zone, now)} has already passed. Please choose a time in the future, for example ${EXAMPLE}.`,
    );
  }
  const minutes = input.minutes;
  const title = input.title ?? `${workstream.name} meeting`;
  const endsAt = new Date(when.at.getTime() + minutes * 60_000);
  const meeting = core.store.transaction(() => {
    const created = core.store.meetings.create({
      workstreamId: workstream.id,
      title,
      startsAt: when.at,
      endsAt,
      now,
    });
    queueChannelPost(
      core,
      workstream,
      message(
        rich`New meeting: ${em(title)} on ${formatWhen(created.startsAt, zone, now)} (${formatId("meeting", created.seq)}).`,
      ),
      { key: `meeting-announce:${created.id}`, subject: `meeting:${created.id}` },
    );
    return created;
  });
  const id = formatId("meeting", meeting.seq);
  core.log.info({ workstream: workstream.id, meeting: meeting.id }, "meeting scheduled");
  return message(
    rich`${id} is booked: ${em(title)}, ${formatWhen(meeting.startsAt, zone, now)} to ${formatTime(endsAt, zone)}.`,
    {
      kind: "note",
      // Reminders go 24 hours ahead; a meeting sooner than that gets its reminder at once.
      text: rich`${meeting.startsAt.getTime() - now.getTime() > DAY ? "Members will get a reminder the day before." : "It is less than a day away, so members will get their reminder straight away."} To cancel: ${code(`/meeting cancel ${id}`)}.`,
    },
  );
}
