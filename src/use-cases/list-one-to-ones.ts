import { code, em, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { oneToOneStandings, standingLine } from "./one-to-one-standings.ts";

/**
 * `/onetoone`: what each person may see of one-to-one dates (PRODUCT.md §6). Chairs see every
 * member's last one and when the next is due, those who asked first; coordinators see only how
 * many are overdue; a member sees their own.
 */
export function listOneToOnes(core: Core, ctx: WorkstreamContext): Message {
  const { workstream, member, actor } = ctx;
  const zone = workstream.settings.timezone;
  const every = workstream.settings["one-to-one-every-days"];
  const standings = oneToOneStandings(core, workstream, core.clock.now());
  if (member?.role === "chair") {
    if (standings.length === 0) {
      return message(rich`${em(workstream.name)} has no members to have one-to-ones with yet.`);
    }
    const overdue = standings.filter((s) => s.overdue).length;
    const asked = standings.filter((s) => s.request).length;
    return message(
      rich`One-to-ones in ${em(workstream.name)} (one every ${every} days): ${counts(asked, overdue)}`,
      { kind: "list", items: standings.map((s) => standingLine(s, zone)) },
      {
        kind: "note",
        text: rich`Log one with ${code("/onetoone @name on <date>")}. Only chairs see this list; each member sees only their own.`,
      },
    );
  }
  if (member?.role === "coordinator") {
    const overdue = standings.filter((s) => s.overdue).length;
    return message(
      overdue === 0
        ? rich`No member of ${em(workstream.name)} is overdue for a one-to-one.`
        : rich`${overdue} of ${standings.length} members of ${em(workstream.name)} are overdue for a one-to-one.`,
      { kind: "note", text: "Coordinators see counts only; the chairs see the dates." },
    );
  }
  const mine = standings.find((s) => s.personId === actor.id);
  if (!mine) return message(rich`One-to-ones in ${em(workstream.name)} are between a chair and each member.`);
  const last = mine.last
    ? `Your last one-to-one was on ${formatDay(mine.last, zone)}.`
    : "You haven't had a one-to-one yet.";
  const next = mine.request
    ? "You've asked for one, and the chair knows."
    : rich`If you'd like one sooner, type ${code("/onetoone request")}.`;
  return message(rich`${last} ${next}`, { kind: "note", text: "Only you and the chairs see these dates." });
}

function counts(asked: number, overdue: number): string {
  const parts: string[] = [];
  if (asked > 0) parts.push(`${asked} asked for one`);
  if (overdue > 0) parts.push(`${overdue} overdue`);
  return parts.length > 0 ? `${parts.join(", ")}.` : "nobody is overdue.";
}
