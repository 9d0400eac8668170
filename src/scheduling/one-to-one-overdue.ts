import { DateTime } from "luxon";
import type { Member, Workstream } from "../domain/entities.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { type MemberStanding, oneToOneStandings, standingLine } from "../use-cases/one-to-one-standings.ts";
import { chairsOf } from "../use-cases/people.ts";
import { weeklySlotDue } from "./digest-schedule.ts";

/**
 * Once a week, on the `digest` schedule, each chair gets one private list of the members due a
 * one-to-one — those who asked first — and only when there is someone on it.
 */
export function queueOneToOneReminders(core: Core, now: Date): number {
  let queued = 0;
  for (const workstream of core.store.workstreams.all()) {
    const slot = weeklySlotDue(core, workstream, now);
    if (!slot) continue;
    const chairs = chairsOf(core.store.members.list(workstream.id));
    if (chairs.length === 0) continue;
    // Keyed by the ISO week, not the slot: a daily digest schedule still makes a weekly list.
    const week = DateTime.fromJSDate(slot.at, { zone: workstream.settings.timezone }).toFormat("kkkk-'W'WW");
    const keyOf = (chair: Member) => `onetoone-due:${workstream.id}:${chair.id}:${week}`;
    if (chairs.every((c) => core.store.outbox.byKey(keyOf(c)))) continue;
    const due = oneToOneStandings(core, workstream, now).filter((s) => s.request || s.overdue);
    if (due.length === 0) continue;
    for (const chair of chairs) {
      const sent = queueDirectMessage(core, workstream, chair, overdueList(workstream, chair, due), {
        key: keyOf(chair),
        audience: "chair",
        at: slot.at,
        isReminder: true,
      });
      if (sent) queued++;
    }
  }
  return queued;
}

function overdueList(workstream: Workstream, chair: Member, due: MemberStanding[]): Message {
  const asked = due.filter((s) => s.request).length;
  const lead =
    asked > 0
      ? `${asked === 1 ? "1 member has" : `${asked} members have`} asked for a one-to-one`
      : "Some members are due a one-to-one";
  return message(
    rich`Hi ${chair.name} — ${lead} in ${em(workstream.name)}. When you have a minute, here is who to arrange one with:`,
    { kind: "list", items: due.map((s) => standingLine(s, workstream.settings.timezone)) },
    {
      kind: "note",
      text: rich`When you have met, log it with ${code("/onetoone @name on <date>")}. Only the chairs see this list.`,
    },
  );
}
