import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { formatTime, formatWhen, parseDuration, parseWhenPrefix } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost } from "../scheduling/enqueue.ts";
import type { Core, WorkstreamContext } from "./core.ts";

const EXAMPLE = "`/meeting schedule next tuesday 2pm for 90m Medication safety`";
const DEFAULT_MINUTES = 120;

/** `/meeting schedule <when> [for <duration>] [<title>]` → M-n, answered with the date understood. */
export function scheduleMeeting(core: Core, ctx: WorkstreamContext, args: string): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const when = parseWhenPrefix(args, zone, now);
  if (!when)
    refuse(
      "meeting.when",
      `I couldn't tell when the meeting is. Try ${EXAMPLE}, or a date like \`2026-12-10 14:00\`.`,
    );
  if (!when.hasTime) refuse("meeting.time", `Please add a time of day, for example ${EXAMPLE}.`);
  if (when.at.getTime() <= now.getTime()) {
    refuse(
      "meeting.past",
      `${formatWhen(when.at, zone, now)} has already passed. Please choose a time in the future, for example ${EXAMPLE}.`,
    );
  }
  let rest = when.rest;
  let minutes = DEFAULT_MINUTES;
  const forMatch =
    /^for\s+(\d+\s*h(?:ours?|rs?)?\s*(?:\d+\s*m(?:in(?:ute)?s?)?)?|\d+\s*m(?:in(?:ute)?s?)?)(?:\s+|$)/i.exec(
      rest,
    );
  if (forMatch?.[1]) {
    const parsed = parseDuration(forMatch[1]);
    if (parsed === undefined)
      refuse(
        "meeting.duration",
        `I couldn't read "${forMatch[1]}" as a length. Try \`for 90m\` or \`for 2 hours\`.`,
      );
    minutes = parsed;
    rest = rest.slice(forMatch[0].length);
  }
  const title = rest.trim() || `${workstream.name} meeting`;
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
        `New meeting: *${title}* on ${formatWhen(created.startsAt, zone, now)} (${formatId("meeting", created.seq)}).`,
      ),
      { key: `meeting-announce:${created.id}`, subject: `meeting:${created.id}` },
    );
    return created;
  });
  core.wake();
  const id = formatId("meeting", meeting.seq);
  core.log.info({ workstream: workstream.id, meeting: meeting.id }, "meeting scheduled");
  return message(
    `${id} is booked: *${title}*, ${formatWhen(meeting.startsAt, zone, now)} to ${formatTime(endsAt, zone)}.`,
    {
      kind: "note",
      text: `Members will get a reminder the day before. To cancel: \`/meeting cancel ${id}\`.`,
    },
  );
}
