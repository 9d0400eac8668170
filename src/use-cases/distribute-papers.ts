import type { Meeting, Workstream } from "../domain/entities.ts";
import { isLate, type Paper, papersDueAt } from "../domain/papers.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { agendaLines } from "./agenda-messages.ts";
import { latePaperMessage, papersPack } from "./papers-messages.ts";

/**
 * Sends a meeting's papers now: the first time, records when they went out against when they
 * were due (which is what makes a meeting count as late); any paper not yet sent after that
 * goes out on its own, marked late. Call inside a transaction. Returns how many were queued.
 */
export function distributePapers(core: Core, workstream: Workstream, meeting: Meeting, now: Date): number {
  const { papers } = core.store;
  const all = papers.forMeeting(meeting.id);
  if (all.length === 0) return 0;
  let queued = 0;
  const existing = papers.distribution(meeting.id);
  if (existing) {
    for (const paper of all.filter((p) => p.sentAt === null)) {
      queued += sendLatePaper(core, workstream, meeting, paper, now);
    }
  } else {
    const dueAt = papersDueAt(meeting, workstream.settings);
    const late = isLate(now, dueAt);
    papers.recordDistribution({ meetingId: meeting.id, dueAt, sentAt: now, late });
    papers.markSent(
      all.map((p) => p.id),
      now,
      false,
    );
    core.log.info({ workstream: workstream.id, meeting: meeting.id, late }, "papers sent");
  }
  const sent = papers.forMeeting(meeting.id);
  const members = core.store.members.list(workstream.id);
  const agenda = agendaLines(core, meeting);
  for (const member of members) {
    const added = queueDirectMessage(
      core,
      workstream,
      member,
      papersPack(workstream, meeting, sent, member, members, { agenda }),
      {
        key: `papers:${meeting.id}:${member.id}`,
        subject: `meeting:${meeting.id}`,
        expiresAt: meeting.startsAt,
      },
    );
    if (added) queued++;
  }
  return queued;
}

/**
 * A paper added after the others went out: every member gets it at once, marked late, and the
 * meeting now counts as late. Call inside a transaction.
 */
export function sendLatePaper(
  core: Core,
  workstream: Workstream,
  meeting: Meeting,
  paper: Paper,
  now: Date,
): number {
  core.store.papers.markSent([paper.id], now, true);
  core.store.papers.markDistributionLate(meeting.id);
  const sent = { ...paper, sentAt: now, late: true };
  let queued = 0;
  const members = core.store.members.list(workstream.id);
  for (const member of members) {
    const added = queueDirectMessage(
      core,
      workstream,
      member,
      latePaperMessage(workstream, meeting, sent, member, members),
      {
        key: `papers-late:${paper.id}:${member.id}`,
        subject: `meeting:${meeting.id}`,
        expiresAt: meeting.startsAt,
      },
    );
    if (added) queued++;
  }
  core.log.info({ workstream: workstream.id, meeting: meeting.id, paper: paper.id }, "late paper sent");
  return queued;
}
