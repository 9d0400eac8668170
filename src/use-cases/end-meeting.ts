import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { alreadyClosed, currentMeeting, findMeeting } from "./find-meeting.ts";
import { openCheckIn, openedReply } from "./open-check-in.ts";

/** `/meeting end [<M-n>]`: the chair says the meeting has finished now. */
export function endMeeting(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const now = core.clock.now();
  const reply = core.store.transaction(() => {
    const meeting = idText ? findMeeting(core, ctx, idText, "/meeting end M-3") : currentMeeting(core, ctx);
    if (!meeting)
      refuse(
        "meeting.none-started",
        rich`No meeting has started yet. Name one, for example ${code("/meeting end M-3")}.`,
      );
    const id = formatId("meeting", meeting.seq);
    if (meeting.status !== "scheduled") refuse("meeting.not-scheduled", alreadyClosed(id, meeting));
    if (meeting.startsAt.getTime() > now.getTime())
      refuse("meeting.not-started", `${id} hasn't started yet.`);
    core.store.meetings.setStatus(meeting.id, "ended", now);
    core.store.outbox.dropSubject(`meeting:${meeting.id}`, "meeting ended", now);
    core.log.info({ workstream: ctx.workstream.id, meeting: meeting.id }, "meeting ended");
    // The check-in opens at once (PRODUCT.md §4); the chair may already have opened it.
    const opened = openCheckIn(core, ctx.workstream, meeting, now);
    const ended = rich`Thanks — ${id} (${em(meeting.title)}) is marked as ended.`;
    if (!opened.created) return message(ended);
    const checkIn = openedReply(id, opened.invited, opened.scene, ctx.workstream.settings.timezone);
    return {
      text: rich`${ended} ${checkIn.text}`,
      blocks: [{ kind: "text" as const, text: ended }, ...checkIn.blocks],
    };
  });
  return reply;
}
