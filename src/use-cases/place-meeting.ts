import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { alreadyClosed, findMeeting } from "./find-meeting.ts";
import { isLink, placeLine } from "./meeting-details.ts";
import { reworkWaiting } from "./meeting-waiting.ts";

/** What `/meeting place <M-n> <link or place>` was asked: the place cleaned and within its limit. */
export interface PlaceInput {
  id: string;
  place: string;
}

/**
 * Says where a meeting happens: a video link (members get a "Join the meeting" button) or a
 * room. Shown in the papers message, the day-before reminder and `/meeting list`; messages still
 * waiting to go are brought up to date. Members are not sent a message of its own.
 */
export function placeMeeting(core: Core, ctx: WorkstreamContext, input: PlaceInput): Message {
  return core.store.transaction(() => {
    const before = findMeeting(core, ctx, input.id, "/meeting place M-3 Room 4, County Hall");
    const id = formatId("meeting", before.seq);
    if (before.status !== "scheduled") refuse("meeting.not-scheduled", alreadyClosed(id, before));
    core.store.meetings.setPlace(before.id, input.place);
    const after = core.store.meetings.byId(before.id) ?? before;
    reworkWaiting(core, ctx.workstream, before, after);
    core.log.info({ workstream: ctx.workstream.id, meeting: after.id }, "meeting place set");
    return message(rich`${id} ${em(after.title)} — ${placeLine(after) ?? ""}`, {
      kind: "note",
      text: rich`${isLink(input.place) ? 'Members will see it with a "Join the meeting" button in' : "Members will see it in"} the papers, the day-before reminder and ${code("/meeting list")}.`,
    });
  });
}
