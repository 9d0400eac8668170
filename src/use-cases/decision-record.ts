import type { Decision } from "../domain/decision.ts";
import type { Meeting, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/** The DC-n a command names in this workstream; refuses kindly if there is none. */
export function findDecision(core: Core, ctx: WorkstreamContext, text: string, example: string): Decision {
  const seq = parseId("decision", text);
  if (seq === undefined)
    refuse("decision.id", rich`"${text}" is not a decision number. For example: ${code(example)}.`);
  const decision = core.store.decisions.bySeq(ctx.workstream.id, seq);
  if (!decision)
    refuse(
      "decision.not-found",
      rich`There is no DC-${seq} in ${em(ctx.workstream.name)}. ${code("/decision list")} shows the decision log.`,
    );
  return decision;
}

/** "M-2 *Budget review* on Friday 18 December". */
export function meetingOn(meeting: Meeting, zone: string): Text {
  return rich`${formatId("meeting", meeting.seq)} ${em(meeting.title)} on ${formatDay(meeting.startsAt, zone)}`;
}

/** Where a decision stands with the group: made at a meeting, or outside one and brought (or to be). */
export interface DecisionStanding {
  /** Made in a meeting: that meeting. */
  madeAt?: Meeting;
  /** Made outside a meeting: the meeting that brings it to the group, if one is booked. */
  bringTo?: Meeting;
  /** Made outside a meeting and that meeting has ended. */
  brought: boolean;
}

export function standingOf(core: Core, decision: Decision): DecisionStanding {
  if (decision.meetingId !== null) {
    const madeAt = core.store.meetings.byId(decision.meetingId);
    return { ...(madeAt ? { madeAt } : {}), brought: false };
  }
  const bringTo = core.store.decisions.broughtTo(decision);
  return { ...(bringTo ? { bringTo } : {}), brought: bringTo?.status === "ended" };
}

/**
 * How the log describes where a decision was made, in plain words: "made at M-1 *Budget review*
 * on Friday 18 December", or "made outside a meeting on Tuesday 1 December; brought to the group
 * at M-2 … " / "; to be brought to the group at M-2 …" / "; to be brought to the next meeting".
 */
export function whereMade(
  core: Core,
  workstream: Workstream,
  decision: Decision,
  made: "made" | "Made" = "made",
): Text {
  const zone = workstream.settings.timezone;
  const standing = standingOf(core, decision);
  if (standing.madeAt) return rich`${made} at ${meetingOn(standing.madeAt, zone)}`;
  const outside = rich`${made} outside a meeting on ${formatDay(decision.decidedAt, zone)}`;
  if (!standing.bringTo) return rich`${outside}; to be brought to the group at the next meeting`;
  return standing.brought
    ? rich`${outside}; brought to the group at ${meetingOn(standing.bringTo, zone)}`
    : rich`${outside}; to be brought to the group at ${meetingOn(standing.bringTo, zone)}`;
}

/** "D-4, D-7" for the dissent linked to a decision (by their ids in the register). */
export function dissentIdsOf(core: Core, decision: Decision): string[] {
  return decision.dissentIds.flatMap((id) => {
    const dissent = core.store.dissent.byId(id);
    return dissent ? [formatId("dissent", dissent.seq)] : [];
  });
}

export function quotedDecision(text: string): string {
  return `"${text}"`;
}

/** "It goes on the agenda for M-2 *Budget review* on Friday 18 December, so the group can talk it through." */
export function bringPhrase(core: Core, workstream: Workstream, decision: Decision): Text {
  const bringTo = core.store.decisions.broughtTo(decision);
  return bringTo
    ? rich`It goes on the agenda for ${meetingOn(bringTo, workstream.settings.timezone)}, so the group can talk it through.`
    : "It goes on the agenda of the next meeting, so the group can talk it through.";
}

/**
 * These outside decisions may now be brought to another meeting (the one they were going to
 * was cancelled): each meeting they now go to has its papers message updated in place. Call
 * inside a transaction, after the change.
 */
export function refreshAgendasWithDecisions(core: Core, workstream: Workstream, decisions: Decision[]): void {
  const meetings = new Map<number, Meeting>();
  for (const d of decisions) {
    const to = core.store.decisions.broughtTo(d);
    if (to) meetings.set(to.id, to);
  }
  for (const meeting of meetings.values()) refreshPapersAgenda(core, workstream, meeting);
}
