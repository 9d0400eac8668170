import type { Meeting } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findMeeting } from "./find-meeting.ts";

/**
 * The meeting a `/papers` command is about: the one named (`M-3`), else the next one that has
 * not started yet. `open` refuses a meeting that is cancelled, ended or already under way,
 * for commands that would send something about it.
 */
export function findPapersMeeting(
  core: Core,
  ctx: WorkstreamContext,
  idText: string | undefined,
  example: string,
  open: boolean,
): Meeting {
  const now = core.clock.now().getTime();
  if (!idText) {
    const next = core.store.meetings
      .upcoming(ctx.workstream.id, new Date(now))
      .find((m) => m.startsAt.getTime() > now);
    if (!next)
      refuse(
        "papers.no-meeting",
        rich`There is no meeting coming up in ${em(ctx.workstream.name)}. Book one first with ${code("/meeting schedule next tuesday 2pm")}, or name one: ${code(example)}.`,
      );
    return next;
  }
  const meeting = findMeeting(core, ctx, idText, example);
  if (!open) return meeting;
  const id = formatId("meeting", meeting.seq);
  if (meeting.status !== "scheduled")
    refuse("papers.meeting-closed", `${id} is ${meeting.status}, so there is nothing to send for it.`);
  if (meeting.startsAt.getTime() <= now)
    refuse("papers.meeting-started", `${id} has already started, so it's too late to send papers for it.`);
  return meeting;
}
