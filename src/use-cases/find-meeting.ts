import type { Meeting } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** The meeting an `M-n` names in this workstream; refuses kindly if there is none. */
export function findMeeting(core: Core, ctx: WorkstreamContext, text: string, example: string): Meeting {
  const seq = parseId("meeting", text);
  if (seq === undefined)
    refuse("meeting.id", rich`"${text}" is not a meeting number. For example: ${code(example)}.`);
  const meeting = core.store.meetings.bySeq(ctx.workstream.id, seq);
  if (!meeting)
    refuse(
      "meeting.not-found",
      rich`There is no meeting M-${seq} in ${em(ctx.workstream.name)}. ${code("/meeting list")} shows them.`,
    );
  return meeting;
}

/** The meeting happening now, else the latest one that has started (for `/meeting end`). */
export function currentMeeting(core: Core, ctx: WorkstreamContext): Meeting | undefined {
  const now = core.clock.now().getTime();
  const started = core.store.meetings
    .upcoming(ctx.workstream.id, new Date(0))
    .filter((m) => m.startsAt.getTime() <= now);
  return started.at(-1);
}

/** "M-1 has already ended." / "M-1 was already cancelled.", for refusals. */
export function alreadyClosed(id: string, meeting: Meeting): string {
  return meeting.status === "ended" ? `${id} has already ended.` : `${id} was already ${meeting.status}.`;
}

/** What a feature says when `namedOrNextMeeting` finds no meeting, or one it can no longer change. */
export interface MeetingRefusals {
  none(): never;
  closed(id: string, meeting: Meeting): never;
  started(id: string): never;
}

/**
 * The meeting a command is about: the one named (`M-3`), else the next one not yet started.
 * With `open`, one cancelled, ended or already under way is refused, in the feature's words.
 */
export function namedOrNextMeeting(
  core: Core,
  ctx: WorkstreamContext,
  idText: string | undefined,
  example: string,
  open: boolean,
  refusals: MeetingRefusals,
): Meeting {
  const now = core.clock.now().getTime();
  if (!idText) {
    const next = core.store.meetings
      .upcoming(ctx.workstream.id, new Date(now))
      .find((m) => m.startsAt.getTime() > now);
    return next ?? refusals.none();
  }
  const meeting = findMeeting(core, ctx, idText, example);
  if (!open) return meeting;
  const id = formatId("meeting", meeting.seq);
  if (meeting.status !== "scheduled") refusals.closed(id, meeting);
  if (meeting.startsAt.getTime() <= now) refusals.started(id);
  return meeting;
}
