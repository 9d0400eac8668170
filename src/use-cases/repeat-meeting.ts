import { DateTime } from "luxon";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import {
  type Every,
  MOST_AT_ONCE,
  nthAfter,
  weekdayOfMonthWords,
  weekOfMonth,
} from "../domain/meeting-series.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatTime, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findMeeting } from "./find-meeting.ts";

/** What `/meeting repeat <M-n> every <…> [until <date>|<n> times]` was asked. */
export interface RepeatInput {
  id: string;
  every: Every;
  /** The last day a meeting may be booked on (the start of that day in the zone). */
  until?: Date;
  /** How many more meetings to book (1–12). */
  times?: number;
}

const EXAMPLE = "/meeting repeat M-3 every month 6 times";
/** How far past meetings are stepped over when repeating from one held long ago. */
const LONGEST_STEP = 1_000;

/**
 * Books the series after a meeting: each its own M-n, at the same wall-clock time in the
 * workstream's zone (across clock changes), with the same length, title and place. Without
 * `until` or `times` it books the most it may at once (12). Dates that have passed are stepped
 * over, so a series can follow on from a meeting already held. Refused, booking nothing, for a
 * cancelled meeting, a month series from a fifth week, more than 12, or a clash with a meeting
 * already booked at one of the times. Answers with every date booked; one post in the channel.
 */
export function repeatMeeting(core: Core, ctx: WorkstreamContext, input: RepeatInput): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  return core.store.transaction(() => {
    const first = findMeeting(core, ctx, input.id, EXAMPLE);
    const id = formatId("meeting", first.seq);
    if (first.status === "cancelled")
      refuse(
        "meeting.not-scheduled",
        `${id} was cancelled, so it can't be repeated. Please repeat another meeting.`,
      );
    if (input.every === "month" && weekOfMonth(first.startsAt, zone) === 5)
      refuse(
        "meeting.fifth-week",
        rich`${id} is on ${weekdayOfMonthWords(first.startsAt, zone)} of the month, and most months don't have one. Please repeat it ${code(`every 4 weeks`)}, or repeat a meeting in the first four weeks of a month.`,
      );
    const lastDay = input.until
      ? DateTime.fromJSDate(input.until, { zone }).plus({ days: 1 }).toMillis()
      : Number.POSITIVE_INFINITY;
    const wanted = input.times ?? MOST_AT_ONCE;
    const dates: Date[] = [];
    for (let n = 1; n <= LONGEST_STEP && dates.length <= MOST_AT_ONCE; n++) {
      const at = nthAfter(first.startsAt, input.every, n, zone);
      if (at.getTime() >= lastDay) break;
      if (at.getTime() <= now.getTime()) continue;
      dates.push(at);
      if (!input.until && dates.length === wanted) break;
    }
    if (input.until && dates.length > MOST_AT_ONCE)
      refuse(
        "meeting.too-many",
        rich`That would book more than ${MOST_AT_ONCE} meetings, and I can book at most ${MOST_AT_ONCE} at once. Please choose an earlier end date, or say how many, for example ${code(EXAMPLE)}.`,
      );
    if (dates.length === 0)
      refuse(
        "meeting.repeat-none",
        rich`No meeting every ${input.every} after ${id} falls on or before that date, so I booked nothing. For example: ${code(EXAMPLE)}.`,
      );
    const booked = new Map(
      core.store.meetings.upcoming(workstream.id, now).map((m) => [m.startsAt.getTime(), m]),
    );
    for (const at of dates) {
      const clash = booked.get(at.getTime());
      if (clash)
        refuse(
          "meeting.clash",
          rich`${formatId("meeting", clash.seq)} (${em(clash.title)}) is already booked on ${formatWhen(at, zone, now)}, so I booked nothing. To repeat fewer times: ${code(`/meeting repeat ${id} every ${input.every} until ${DateTime.fromJSDate(at, { zone }).minus({ days: 1 }).toFormat("yyyy-MM-dd")}`)}.`,
        );
    }
    const length = first.endsAt.getTime() - first.startsAt.getTime();
    const created = dates.map((at) => {
      const meeting = core.store.meetings.create({
        workstreamId: workstream.id,
        title: first.title,
        startsAt: at,
        endsAt: new Date(at.getTime() + length),
        now,
      });
      if (first.place) core.store.meetings.setPlace(meeting.id, first.place);
      return meeting;
    });
    const how =
      input.every === "month"
        ? `every month on ${weekdayOfMonthWords(first.startsAt, zone)}`
        : `every ${input.every}`;
    const lines = created.map(
      (m) =>
        rich`${formatId("meeting", m.seq)} — ${formatWhen(m.startsAt, zone, now)} to ${formatTime(m.endsAt, zone)}`,
    );
    const firstId = formatId("meeting", (created[0] ?? first).seq);
    queueChannelPost(
      core,
      workstream,
      message(rich`New meetings: ${em(first.title)}, ${how}:`, { kind: "list", items: lines }),
      { key: `meeting-series:${first.id}:${created[0]?.id}` },
    );
    core.log.info(
      { workstream: workstream.id, meeting: first.id, booked: created.length },
      "meeting repeated",
    );
    const count = created.length === 1 ? "1 more meeting" : `${created.length} more meetings`;
    const capped = !input.until && !input.times ? ` (the most I book at once)` : "";
    return message(
      rich`I booked ${count} of ${em(first.title)}${capped}, ${how}, each ${formatTime(first.startsAt, zone)} to ${formatTime(first.endsAt, zone)}:`,
      { kind: "list", items: lines },
      { kind: "note", text: rich`To cancel one of them: ${code(`/meeting cancel ${firstId}`)}.` },
    );
  });
}
