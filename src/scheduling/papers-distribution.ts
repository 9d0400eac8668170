import type { Meeting, Workstream } from "../domain/entities.ts";
import { isLate, type Paper, papersDueAt } from "../domain/papers.ts";
import { DAY } from "../domain/time.ts";
import type { Core } from "../use-cases/core.ts";
import { latePaperMessage, papersPack } from "../use-cases/papers-messages.ts";
import { queueDirectMessage } from "./enqueue.ts";

/** The longest `papers-lead-days` allows (see settings.ts), plus a day's slack. */
const LONGEST_LEAD = 61 * DAY;

/**
 * The papers rule: once a meeting is `papers-lead-days` away, its papers go to every member in
 * one direct message. Found again on every tick until the meeting starts; the outbox key makes
 * that harmless, and lets someone added to the workstream since still get the papers.
 * Meetings with no papers yet are left alone (the digest shows them as missing).
 */
export function queuePapersDistribution(core: Core, now: Date): number {
  let queued = 0;
  const window = core.store.meetings.startingBetween(now, new Date(now.getTime() + LONGEST_LEAD));
  for (const meeting of window) {
    const workstream = core.store.workstreams.byId(meeting.workstreamId);
    if (!workstream) continue;
    if (papersDueAt(meeting, workstream.settings).getTime() > now.getTime()) continue;
    queued += distributePapers(core, workstream, meeting, now);
  }
  return queued;
}

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
  for (const member of members) {
    const added = queueDirectMessage(
      core,
      workstream,
      member,
      papersPack(workstream, meeting, sent, member, members),
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
