import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatTime, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { alreadyClosed, findMeeting } from "./find-meeting.ts";
import { reworkWaiting } from "./meeting-waiting.ts";

/** What `/meeting move <M-n> <when> [for <duration>]` was asked, read completely by the command. */
export interface MoveInput {
  id: string;
  startsAt: Date;
  /** The new length; the meeting keeps its length when there is none. */
  minutes?: number;
}

const EXAMPLE = "/meeting move M-3 next thursday 10am";

/**
 * Moves a meeting to a new time. Every member (but the one moving it) gets one message saying
 * from when to when; papers, reminders and the check-in follow the new time (see reworkWaiting
 * and the scheduling rules, which read the meeting's times). Refused for a meeting that is over,
 * cancelled or whose check-in has opened, and for a time that has passed; all or nothing.
 */
export function moveMeeting(core: Core, ctx: WorkstreamContext, input: MoveInput): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  return core.store.transaction(() => {
    const before = findMeeting(core, ctx, input.id, EXAMPLE);
    const id = formatId("meeting", before.seq);
    if (before.status !== "scheduled") refuse("meeting.not-scheduled", alreadyClosed(id, before));
    if (core.store.checkIns.byMeeting(before.id))
      refuse(
        "meeting.check-in-open",
        rich`The check-in for ${id} has already started, so it can't be moved now. To book another meeting: ${code("/meeting schedule next tuesday 2pm")}.`,
      );
    if (input.startsAt.getTime() <= now.getTime())
      refuse(
        "meeting.past",
        rich`${formatWhen(input.startsAt, zone, now)} has already passed. Please choose a time in the future, for example ${code(EXAMPLE)}.`,
      );
    const minutes = input.minutes ?? (before.endsAt.getTime() - before.startsAt.getTime()) / 60_000;
    const endsAt = new Date(input.startsAt.getTime() + minutes * 60_000);
    const moved = input.startsAt.getTime() !== before.startsAt.getTime();
    if (!moved && endsAt.getTime() === before.endsAt.getTime())
      refuse(
        "meeting.unchanged",
        rich`${id} is already on ${formatWhen(before.startsAt, zone, now)} to ${formatTime(before.endsAt, zone)}, so there is nothing to move. For example: ${code(EXAMPLE)}.`,
      );
    core.store.meetings.setTimes(before.id, { startsAt: input.startsAt, endsAt, moved });
    const after = core.store.meetings.byId(before.id) ?? before;
    const reworked = reworkWaiting(core, workstream, before, after);

    const from = formatWhen(before.startsAt, zone, now);
    const to = formatWhen(after.startsAt, zone, now);
    const news = moved
      ? rich`${em(after.title)} (${id}) has moved from ${from} to ${to}.`
      : rich`${em(after.title)} (${id}) on ${to} will now end at ${formatTime(endsAt, zone)} instead of ${formatTime(before.endsAt, zone)}.`;
    // It is about both times: it must not be held (quiet hours) past the sooner of them.
    const sooner = Math.min(before.startsAt.getTime(), after.startsAt.getTime());
    const expiresAt = new Date(sooner > now.getTime() ? sooner : after.startsAt.getTime());
    for (const member of core.store.members.list(workstream.id)) {
      if (member.id === ctx.actor.id) continue;
      queueDirectMessage(
        core,
        workstream,
        member,
        message(rich`Hi ${member.name} — ${news} There is nothing you need to do.`),
        {
          key: `meeting-moved:${after.id}:${now.getTime()}:${member.id}`,
          subject: `meeting:${after.id}`,
          expiresAt,
        },
      );
    }
    core.log.info({ workstream: workstream.id, meeting: after.id, reworked }, "meeting moved");
    return message(
      moved
        ? rich`${id} ${em(after.title)} is moved to ${to} to ${formatTime(endsAt, zone)}.`
        : rich`${id} ${em(after.title)} on ${to} now ends at ${formatTime(endsAt, zone)}.`,
      {
        kind: "note",
        text: "I'm letting every member know, in one message. Papers, reminders and the check-in follow the new time.",
      },
    );
  });
}
