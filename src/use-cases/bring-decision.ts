import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findDecision, meetingOn, quotedDecision, standingOf } from "./decision-record.ts";
import { findMeeting } from "./find-meeting.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/** `<DC-n> <M-n>`, as the command read them. */
export interface BringInput {
  decisionId: string;
  meetingId: string;
}

const EXAMPLE = "/decision bring DC-3 M-4";

/**
 * `/decision bring <DC-n> <M-n>` (the chair): a decision made outside a meeting goes on that
 * meeting's agenda instead of the next one's; both agendas' papers messages follow.
 */
export function bringDecision(core: Core, ctx: WorkstreamContext, input: BringInput): Message {
  const decision = findDecision(core, ctx, input.decisionId, EXAMPLE);
  const meeting = findMeeting(core, ctx, input.meetingId, EXAMPLE);
  const zone = ctx.workstream.settings.timezone;
  const id = formatId("decision", decision.seq);
  const mid = formatId("meeting", meeting.seq);
  const standing = standingOf(core, decision);
  if (standing.madeAt)
    refuse(
      "decision.in-meeting",
      rich`${id} was made at ${meetingOn(standing.madeAt, zone)}, so the group has already had it.`,
    );
  if (standing.brought && standing.bringTo)
    refuse(
      "decision.already-brought",
      rich`${id} was already brought to the group at ${meetingOn(standing.bringTo, zone)}.`,
    );
  if (meeting.status !== "scheduled")
    refuse(
      "decision.meeting-closed",
      rich`${mid} ${meeting.status === "cancelled" ? "was cancelled" : "has already happened"}, so ${id} can't go on its agenda. ${code("/meeting list")} shows the meetings still to come.`,
    );
  if (meeting.startsAt.getTime() <= core.clock.now().getTime())
    refuse(
      "decision.meeting-started",
      rich`${mid} has already started, so ${id} can't go on its agenda. Name a meeting still to come, for example ${code(`/decision bring ${id} M-${meeting.seq + 1}`)}.`,
    );
  const before = standing.bringTo;
  core.store.transaction(() => {
    core.store.decisions.bring({ id: decision.id, meetingId: meeting.id, by: ctx.actor.id });
    if (before && before.id !== meeting.id) refreshPapersAgenda(core, ctx.workstream, before);
    refreshPapersAgenda(core, ctx.workstream, meeting);
  });
  core.log.info(
    { workstream: ctx.workstream.id, decision: decision.id, meeting: meeting.id },
    "decision brought to a meeting",
  );
  return message(
    rich`${id} ${quotedDecision(decision.text)} is on the agenda for ${meetingOn(meeting, zone)}. When that meeting ends, the decision log will say it was brought to the group there.`,
  );
}
