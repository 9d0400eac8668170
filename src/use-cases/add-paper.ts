import { formatId } from "../domain/ids.ts";
import { papersDueAt } from "../domain/papers.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { afterQuietHours, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { distributePapers } from "./distribute-papers.ts";
import { findPapersMeeting } from "./find-papers-meeting.ts";

/** What `/papers add` was given (read by the command), before it is checked against the meeting. */
export interface PaperInput {
  /** `M-3`, or undefined for the next meeting. */
  meetingId?: string;
  link: string;
  title: string;
  summary: string | null;
}

/**
 * `/papers add`: attaches a paper to the next (or named) meeting. Before the lead time it waits
 * to go out with the others; after the papers went out it goes to every member at once,
 * marked late; in between (due, not yet sent) all the papers go now.
 */
export function addPaper(core: Core, ctx: WorkstreamContext, input: PaperInput): Message {
  const { workstream } = ctx;
  const now = core.clock.now();
  const zone = workstream.settings.timezone;
  const result = core.store.transaction(() => {
    const meeting = findPapersMeeting(
      core,
      ctx,
      input.meetingId,
      "/papers add M-3 https://example.org/budget.pdf Budget",
      true,
    );
    const paper = core.store.papers.add({
      workstreamId: workstream.id,
      meetingId: meeting.id,
      link: input.link,
      title: input.title,
      summary: input.summary,
      addedBy: ctx.actor.id,
      now,
    });
    const alreadySent = core.store.papers.distribution(meeting.id) !== undefined;
    const dueAt = papersDueAt(meeting, workstream.settings);
    const sendNow = alreadySent || dueAt.getTime() <= now.getTime();
    if (sendNow) distributePapers(core, workstream, meeting, now);
    core.log.info({ workstream: workstream.id, meeting: meeting.id, paper: paper.id }, "paper added");
    return { meeting, paper, alreadySent, sendNow, dueAt };
  });
  const paperId = formatId("paper", result.paper.seq);
  const meetingId = formatId("meeting", result.meeting.seq);
  const what = rich`${paperId} ${em(result.paper.title)} is added to ${meetingId} (${em(result.meeting.title)}, ${formatWhen(result.meeting.startsAt, zone, now)}).`;
  if (result.alreadySent) {
    return message(what, {
      kind: "note",
      text: "The papers had already gone out, so I'm sending this one to every member now, marked late. The meeting will show as late in the coordinator digest.",
    });
  }
  if (result.sendNow) {
    return message(what, {
      kind: "note",
      text: `The papers were due to go out on ${formatWhen(result.dueAt, zone, now)}, so I'm sending them to every member now.`,
    });
  }
  return message(what, {
    kind: "note",
    text: rich`Members will get all of ${meetingId}'s papers in one message on ${formatWhen(afterQuietHours(result.dueAt, workstream.settings), zone, now)}. To send them sooner: ${code(`/papers send ${meetingId}`)}.`,
  });
}
