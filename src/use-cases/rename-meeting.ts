import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findMeeting } from "./find-meeting.ts";
import { reworkWaiting } from "./meeting-waiting.ts";

/** What `/meeting rename <M-n> <title>` was asked: the title cleaned and within its limit. */
export interface RenameInput {
  id: string;
  title: string;
}

/** Gives a meeting a new title; messages still waiting to go use it. A cancelled one is refused. */
export function renameMeeting(core: Core, ctx: WorkstreamContext, input: RenameInput): Message {
  return core.store.transaction(() => {
    const before = findMeeting(core, ctx, input.id, "/meeting rename M-3 Medicines review");
    const id = formatId("meeting", before.seq);
    if (before.status === "cancelled")
      refuse("meeting.not-scheduled", `${id} was cancelled, so its title can't be changed.`);
    core.store.meetings.setTitle(before.id, input.title);
    const after = core.store.meetings.byId(before.id) ?? before;
    reworkWaiting(core, ctx.workstream, before, after);
    core.log.info({ workstream: ctx.workstream.id, meeting: after.id }, "meeting renamed");
    return message(rich`${id} is now called ${em(after.title)} (it was ${em(before.title)}).`);
  });
}
