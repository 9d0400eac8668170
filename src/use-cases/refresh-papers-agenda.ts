import type { Meeting, Workstream } from "../domain/entities.ts";
import { queueUpdate } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { agendaLines } from "./agenda-messages.ts";
import { papersPack } from "./papers-messages.ts";

/**
 * A parked item was resolved, dropped or given a new revisit date: the agendas it is on change
 * (see agendaItems), so their papers messages follow. Call inside a transaction.
 */
export function refreshAgendasWithParked(core: Core, workstream: Workstream, parkedId: number): number {
  let queued = 0;
  for (const meetingId of core.store.agenda.meetingsWithParked(parkedId)) {
    const meeting = core.store.meetings.byId(meetingId);
    if (meeting) queued += refreshPapersAgenda(core, workstream, meeting);
  }
  return queued;
}

/**
 * The agenda (or the meeting's date, title or place) changed: once the papers have gone out, and until the meeting starts, each member's
 * papers message is rewritten in place with the new agenda (PRODUCT.md §11), never sent again.
 * Each change is a new version (`papers-update:<meeting>:<person>:<version>`): the newest wins,
 * each is sent once. Someone who said they've read them keeps their thank-you. Call inside a
 * transaction. Returns how many updates were queued.
 */
export function refreshPapersAgenda(core: Core, workstream: Workstream, meeting: Meeting): number {
  const now = core.clock.now();
  if (meeting.status !== "scheduled" || meeting.startsAt.getTime() <= now.getTime()) return 0;
  if (!core.store.papers.distribution(meeting.id)) return 0;
  const version = core.store.agenda.bumpVersion(meeting.id);
  const papers = core.store.papers.forMeeting(meeting.id).filter((p) => p.sentAt !== null);
  const readers = new Set(core.store.papers.readers(meeting.id));
  const members = core.store.members.list(workstream.id);
  const agenda = agendaLines(core, meeting);
  let queued = 0;
  for (const member of members) {
    const pack = papersPack(workstream, meeting, papers, member, members, {
      thanked: readers.has(member.id),
      agenda,
    });
    const added = queueUpdate(core, pack, {
      original: `papers:${meeting.id}:${member.id}`,
      key: `papers-update:${meeting.id}:${member.id}:${version}`,
      supersedes: `papers-update:${meeting.id}:${member.id}:`,
      expiresAt: meeting.startsAt,
    });
    if (added) queued++;
  }
  core.log.info({ workstream: workstream.id, meeting: meeting.id, version, queued }, "agenda updated");
  return queued;
}
