import type { Meeting } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { namedOrNextMeeting } from "./find-meeting.ts";

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
  return namedOrNextMeeting(core, ctx, idText, example, open, {
    none: () =>
      refuse(
        "papers.no-meeting",
        rich`There is no meeting coming up in ${em(ctx.workstream.name)}. Book one first with ${code("/meeting schedule next tuesday 2pm")}, or name one: ${code(example)}.`,
      ),
    closed: (id, meeting) =>
      refuse("papers.meeting-closed", `${id} is ${meeting.status}, so there is nothing to send for it.`),
    started: (id) =>
      refuse("papers.meeting-started", `${id} has already started, so it's too late to send papers for it.`),
  });
}
