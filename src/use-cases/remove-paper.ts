import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { OutboxRow } from "../ports/store.ts";
import { paperRemovedMessage } from "./paper-removed-message.ts";

const EXAMPLE = "/papers remove PA-2";

/** A message sent, or still on its way: either way the member has (or will have) it. */
function reached(row: OutboxRow): boolean {
  return row.status === "sent" || row.status === "pending";
}

/**
 * `/papers remove <PA-n>` (PRODUCT.md §11): takes a paper off its meeting. Members who already
 * had it (its papers message, or its late-paper message, was queued for them) get one short
 * correction; a late-paper message still waiting in the outbox is simply not sent. Refused once
 * the meeting has ended or was cancelled: the papers are history then.
 */
export function removePaper(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const { workstream } = ctx;
  const seq = parseId("paper", idText);
  if (seq === undefined)
    refuse("papers.remove", rich`"${idText}" is not a paper number. For example: ${code(EXAMPLE)}.`);
  const paper = core.store.papers.bySeq(workstream.id, seq);
  const id = formatId("paper", seq);
  if (!paper)
    refuse(
      "papers.not-found",
      rich`There is no paper ${id} in ${em(workstream.name)}. ${code("/papers")} shows the next meeting's papers, with their numbers.`,
    );
  const meeting = core.store.meetings.byId(paper.meetingId);
  const now = core.clock.now();
  if (meeting?.status !== "scheduled" || meeting.endsAt.getTime() <= now.getTime()) {
    const how = meeting?.status === "cancelled" ? "was cancelled" : "has ended";
    refuse(
      "papers.remove-closed",
      `${id} is a paper for a meeting that ${how}, so it stays with that meeting's papers.`,
    );
  }
  const corrected = core.store.transaction(() => {
    if (!core.store.papers.remove(paper.id, now)) return 0;
    if (paper.sentAt === null) return 0;
    let queued = 0;
    for (const member of core.store.members.list(workstream.id)) {
      const late = core.store.outbox.byKey(`papers-late:${paper.id}:${member.id}`);
      // Still waiting (quiet hours): it need not go at all, and then there is nothing to correct.
      if (late?.status === "pending") {
        core.store.outbox.finish(late.id, "dropped", "paper removed", now);
      }
      const pack = core.store.outbox.byKey(`papers:${meeting.id}:${member.id}`);
      // A late paper is in the papers message only of someone whose message was made after it.
      const packHadIt =
        pack !== undefined && (!paper.late || JSON.stringify(pack.message).includes(paper.link));
      const had =
        (packHadIt && reached(pack)) || (late !== undefined && late.status !== "pending" && reached(late));
      if (!had) continue;
      const added = queueDirectMessage(
        core,
        workstream,
        member,
        paperRemovedMessage(workstream, meeting, paper),
        {
          key: `papers-removed:${paper.id}:${member.id}`,
          subject: `meeting:${meeting.id}`,
          expiresAt: meeting.endsAt,
        },
      );
      if (added) queued++;
    }
    return queued;
  });
  core.log.info({ workstream: workstream.id, meeting: meeting.id, paper: paper.id }, "paper removed");
  const meetingId = formatId("meeting", meeting.seq);
  const told =
    corrected === 0
      ? "Nobody had it yet, so nobody needs to be told."
      : `${corrected === 1 ? "1 member" : `${corrected} members`} who already had it will get a short note saying they don't need to read it.`;
  return message(
    rich`Taken ${em(paper.title)} (${id}) off the papers for ${meetingId} ${em(meeting.title)}. ${told}`,
  );
}
