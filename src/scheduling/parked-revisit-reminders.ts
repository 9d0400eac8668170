import type { Meeting, Member, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import type { ParkedItem } from "../domain/parked-item.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { DAY, formatWhen } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { describeParked } from "../use-cases/parked-record.ts";
import { chairsOf, coordinatorsOf } from "../use-cases/people.ts";
import { refreshPapersAgenda } from "../use-cases/refresh-papers-agenda.ts";

/**
 * How long before a meeting its chairs are asked to put parked items on the agenda: the day
 * before the papers go out (`papers-lead-days`, 7 by default), because the agenda travels with
 * the papers. An item parked or moved later than that is put to the chairs at once.
 */
export function agendaLeadMs(workstream: Workstream): number {
  return (workstream.settings["papers-lead-days"] + 1) * DAY;
}

/** The longest agenda lead `papers-lead-days` allows (60, see settings.ts), plus its day. */
const LONGEST_AGENDA_LEAD = 61 * DAY;

/**
 * The revisit reminder: for each open item with a revisit date, the first meeting on or after
 * that day; once that meeting is within the lead time, each chair gets ONE message listing every
 * item due at it. `parked_reminders` remembers who was told about what, so later ticks add
 * nothing, and an item that moves to another meeting (a new revisit date, a cancelled meeting)
 * is found due again for that one. Resolved and dropped items are never included.
 */
export function queueParkedRevisitReminders(core: Core, now: Date): number {
  const byMeeting = new Map<number, { meeting: Meeting; workstream: Workstream; items: ParkedItem[] }>();
  const workstreams = new Map<number, Workstream | undefined>();
  const horizon = new Date(now.getTime() + LONGEST_AGENDA_LEAD);
  for (const item of core.store.parking.openWithRevisitDue(now, horizon)) {
    if (!workstreams.has(item.workstreamId))
      workstreams.set(item.workstreamId, core.store.workstreams.byId(item.workstreamId));
    const workstream = workstreams.get(item.workstreamId);
    if (!workstream || !item.revisitOn) continue;
    // The first meeting on or after the revisit date, even one already held: once that has
    // started the moment has passed (the digest shows the item as due), so a later meeting
    // never brings a second reminder.
    const meeting = core.store.meetings.firstFrom(workstream.id, item.revisitOn);
    if (meeting?.status !== "scheduled" || meeting.startsAt.getTime() <= now.getTime()) continue;
    if (meeting.startsAt.getTime() - agendaLeadMs(workstream) > now.getTime()) continue;
    const entry = byMeeting.get(meeting.id) ?? { meeting, workstream, items: [] };
    entry.items.push(item);
    byMeeting.set(meeting.id, entry);
  }

  let queued = 0;
  for (const { meeting, workstream, items } of byMeeting.values()) {
    // Due items join the meeting's agenda by themselves (PRODUCT.md §11), once each: one the
    // chair took off stays off. Papers already sent show the new agenda in place.
    let joined = false;
    for (const item of items) {
      const added = core.store.agenda.addParked({
        workstreamId: workstream.id,
        meetingId: meeting.id,
        parkedId: item.id,
        text: item.title,
        now,
      });
      if (added) joined = true;
    }
    if (joined) queued += refreshPapersAgenda(core, workstream, meeting);
    const members = core.store.members.list(workstream.id);
    // A workstream without a chair still needs someone to hear about it.
    const audience = chairsOf(members).length > 0 ? "chair" : "coordinator";
    const chairs = audience === "chair" ? chairsOf(members) : coordinatorsOf(members);
    for (const chair of chairs) {
      const fresh = items.filter((i) => !core.store.parking.wasReminded(i.id, meeting.id, chair.id));
      if (fresh.length === 0) continue;
      // The items and their dates are in the key: a batch taken back after a change is not a duplicate.
      const key = `parked-revisit:${meeting.id}:${chair.id}:${fresh.map((i) => `${i.id}@${i.revisitOn?.getTime()}`).join(",")}`;
      const added = queueDirectMessage(
        core,
        workstream,
        chair,
        reminder(core, workstream, meeting, chair, fresh, now),
        {
          key,
          subject: `meeting:${meeting.id}`,
          isReminder: true,
          audience,
          expiresAt: meeting.startsAt,
        },
      );
      core.store.parking.markReminded({
        parkedIds: fresh.map((i) => i.id),
        meetingId: meeting.id,
        chairId: chair.id,
        outboxKey: key,
      });
      if (added) queued++;
    }
  }
  return queued;
}

function reminder(
  core: Core,
  workstream: Workstream,
  meeting: Meeting,
  chair: Member,
  items: ParkedItem[],
  now: Date,
): Message {
  const zone = workstream.settings.timezone;
  const which = items.length === 1 ? "1 parked item is" : `${items.length} parked items are`;
  const meetingId = formatId("meeting", meeting.seq);
  const text = rich`Hi ${chair.name} — when you have a minute: ${which} due to be looked at again at ${em(meeting.title)} (${meetingId}) on ${formatWhen(meeting.startsAt, zone, now)}. I've put ${items.length === 1 ? "it" : "them"} on the meeting's agenda: ${code(`/agenda ${meetingId}`)} shows it.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      {
        kind: "list",
        items: items.map(
          (i) => rich`${formatId("parked", i.seq)} ${em(i.title)} — ${describeParked(core, i, zone, now)}`,
        ),
      },
      {
        kind: "note",
        text: rich`When one is settled: ${code(`/parked resolve ${formatId("parked", (items[0] as ParkedItem).seq)} what was decided`)}. To move it: ${code(`/parked revisit ${formatId("parked", (items[0] as ParkedItem).seq)} <date>`)}. To take it off the agenda: ${code("/agenda drop A-1")} (its number is in ${code(`/agenda ${meetingId}`)}).`,
      },
    ],
  };
}
