import type { Meeting, Workstream } from "../domain/entities.ts";
import { papersReminderAt } from "../domain/papers.ts";
import { afterQuietHours } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import { agendaLines } from "./agenda-messages.ts";
import { dayBeforeReminder } from "./meeting-reminder-message.ts";
import { latePaperMessage, papersPack, papersReminder } from "./papers-messages.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/**
 * After a meeting changed (moved, renamed, given a place), the messages about it still waiting
 * in the outbox are brought up to date, each keeping its key so it still goes at most once:
 *
 * - a day-before reminder for the old start is dropped: the scheduler queues the one for the new
 *   start under a new key (see meetingReminderKey), so it goes once, the day before the new date;
 * - papers, late papers and the papers reminder are rebuilt with the meeting's new details; the
 *   papers reminder also waits for its new moment. What was already sent is not sent again, but
 *   a papers message already sent is updated in place with the new details;
 * - anything else that expired with the old start now expires with the new one.
 *
 * A row the sender is sending at this very moment goes with its old words; the people it
 * reaches also get the "has moved" message. Call inside a transaction. Returns how many changed.
 */
export function reworkWaiting(core: Core, workstream: Workstream, before: Meeting, after: Meeting): number {
  const moved = before.startsAt.getTime() !== after.startsAt.getTime();
  const now = core.clock.now();
  const members = core.store.members.list(workstream.id);
  const sentPapers = () => core.store.papers.forMeeting(after.id).filter((p) => p.sentAt !== null);
  let lines: ReturnType<typeof agendaLines> | undefined;
  const agenda = () => {
    lines ??= agendaLines(core, after);
    return lines;
  };
  let changed = 0;
  for (const row of core.store.outbox.pendingAbout(`meeting:${after.id}`)) {
    const person = members.find((m) => m.id === row.personId);
    const kind = row.key.slice(0, row.key.indexOf(":"));
    if (kind === "meeting-reminder" && moved) {
      core.store.outbox.finish(row.id, "dropped", "meeting moved", now);
      changed++;
      continue;
    }
    let rebuilt: Message | undefined;
    let notBefore = row.notBefore;
    if (person && kind === "meeting-reminder")
      rebuilt = dayBeforeReminder(workstream, after, person, members);
    if (person && kind === "papers")
      rebuilt = papersPack(workstream, after, sentPapers(), person, members, { agenda: agenda() });
    if (person && kind === "papers-late") {
      const paperId = Number(row.key.split(":")[1]);
      const paper = core.store.papers.forMeeting(after.id).find((p) => p.id === paperId);
      if (paper) rebuilt = latePaperMessage(workstream, after, paper, person, members);
    }
    if (person && kind === "papers-reminder") {
      rebuilt = papersReminder(workstream, after, sentPapers(), person, members);
      const distribution = core.store.papers.distribution(after.id);
      if (distribution && moved) {
        const due = papersReminderAt(after, workstream.settings, distribution.sentAt);
        notBefore = afterQuietHours(new Date(Math.max(due.getTime(), now.getTime())), workstream.settings);
      }
    }
    const expired = row.expiresAt?.getTime() === before.startsAt.getTime();
    if (!rebuilt && !expired) continue;
    const expiresAt = expired ? after.startsAt : (row.expiresAt ?? null);
    if (core.store.outbox.rewritePending(row.id, { message: rebuilt ?? row.message, notBefore, expiresAt }))
      changed++;
  }
  // Papers messages already sent show the old date, title or place: they are rewritten in
  // place (as when the agenda changes), never sent again.
  return changed + refreshPapersAgenda(core, workstream, after);
}
