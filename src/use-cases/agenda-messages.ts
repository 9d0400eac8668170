import type { AgendaItem } from "../domain/agenda.ts";
import type { Meeting } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich, type Text } from "../domain/rich-text.ts";
import type { Core } from "../ports/core.ts";

/** The action names of a suggestion's buttons and the decline form; the value is the item's id. */
export const AGENDA_ACTIONS = {
  accept: "agenda.accept",
  decline: "agenda.decline",
  declined: "agenda.declined",
} as const;

/**
 * What is on a meeting's agenda now, in the order items joined: the chair's items, parked items
 * due for revisit (while they are still parked: one resolved or dropped since has no place
 * there) and the suggestions a chair accepted.
 */
export function agendaItems(core: Core, meeting: Meeting): AgendaItem[] {
  return core.store.agenda.forMeeting(meeting.id).filter((item) => {
    if (item.parkedId === null) return true;
    const parked = core.store.parking.byId(item.parkedId);
    if (parked?.status !== "parked") return false;
    // Moved to a later revisit date since it joined: it belongs to that meeting's agenda now.
    if (!parked.revisitOn) return true;
    return core.store.meetings.firstFrom(meeting.workstreamId, parked.revisitOn)?.id === meeting.id;
  });
}

/** "A-2 *Transport to meetings* (suggested by Sam)", "A-3 *Respite budget* (parked item P-1, back for another look)". */
export function agendaLine(core: Core, item: AgendaItem): Text {
  const id = formatId("agenda", item.seq ?? 0);
  if (item.source === "parked" && item.parkedId !== null) {
    const parked = core.store.parking.byId(item.parkedId);
    const which = parked ? ` ${formatId("parked", parked.seq)}` : "";
    return rich`${id} ${em(item.text)} (parked item${which}, back for another look)`;
  }
  if (item.source === "suggestion" && item.addedBy !== null) {
    const by = core.store.people.byId(item.addedBy)?.name;
    if (by) return rich`${id} ${em(item.text)} (suggested by ${by})`;
  }
  return rich`${id} ${em(item.text)}`;
}

/**
 * The agenda's lines for the papers message and `/agenda`: its items, then the decisions made
 * outside a meeting that this meeting brings to the group (PRODUCT.md §12), by their DC-n.
 */
export function agendaLines(core: Core, meeting: Meeting): Text[] {
  const decisions = core.store.decisions
    .broughtToMeeting(meeting.id)
    .map(
      (d) =>
        rich`${formatId("decision", d.seq)} ${em(d.text)} (a decision made outside a meeting, brought to the group)`,
    );
  return [...agendaItems(core, meeting).map((item) => agendaLine(core, item)), ...decisions];
}
