import { DECISION_MEETING_GRACE_HOURS, type Decision } from "../domain/decision.ts";
import type { Dissent } from "../domain/dissent.ts";
import type { Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatDay, HOUR } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost, queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { bringPhrase, meetingOn, quotedDecision, standingOf, whereMade } from "./decision-record.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/** What `/decision` was asked, as the command read it. */
export interface DecisionInput {
  text: string;
  /** `outside`: made outside a meeting, even while one is in progress. */
  outside: boolean;
  /** The dissent ids as typed (`D-4`), to link. */
  dissent: string[];
}

const EXAMPLE = "/decision We will move the meetings to Thursdays dissent D-2";

/**
 * `/decision <what was decided> [outside] [dissent <D-n>…]` (chairs and coordinators): records
 * DC-n in the meeting in progress, or the one that ended in the last 12 hours, or else as made
 * outside a meeting. Either way it is posted in the channel (an outside one plainly marked, and
 * it joins the agenda of the meeting that brings it to the group); each member whose dissent is
 * linked is told privately.
 */
export function recordDecision(core: Core, ctx: WorkstreamContext, input: DecisionInput): Message {
  const { workstream, actor } = ctx;
  const now = core.clock.now();
  if (!input.text) refuse("decision.text", rich`Please say what was decided, for example ${code(EXAMPLE)}.`);
  const linked = input.dissent.map((typed) => linkedDissent(core, ctx, typed));
  const since = new Date(now.getTime() - DECISION_MEETING_GRACE_HOURS * HOUR);
  const meeting = input.outside ? undefined : core.store.decisions.meetingFor(workstream.id, now, since);

  const { created: decision, told } = core.store.transaction(() => {
    const created = core.store.decisions.create({
      workstreamId: workstream.id,
      text: input.text,
      recordedBy: actor.id,
      meetingId: meeting?.id ?? null,
      dissentIds: [...new Set(linked.map((d) => d.id))],
      now,
    });
    const where = whereMade(core, workstream, created);
    const id = formatId("decision", created.seq);
    const dissentNote =
      linked.length > 0 ? rich` Dissent recorded alongside it: ${dissentList(linked)}.` : "";
    const post =
      created.meetingId === null
        ? rich`Decision ${id}, made outside a meeting (recorded by ${actor.name}): ${quotedDecision(created.text)}. ${bringPhrase(core, workstream, created)}${dissentNote}`
        : rich`Decision ${id} (recorded by ${actor.name}), ${where}: ${quotedDecision(created.text)}.${dissentNote}`;
    queueChannelPost(core, workstream, message(post), { key: `decision:${created.id}` });
    const told = tellDissenters(core, workstream, created, linked, actor.id);
    if (created.meetingId === null) {
      const bringTo = core.store.decisions.broughtTo(created);
      if (bringTo) refreshPapersAgenda(core, workstream, bringTo);
    }
    return { created, told };
  });
  core.log.info(
    { workstream: workstream.id, decision: decision.id, outside: decision.meetingId === null },
    "decision recorded",
  );
  const id = formatId("decision", decision.seq);
  const text = rich`${id} is recorded: ${quotedDecision(decision.text)}, ${whereMade(core, workstream, decision)}.`;
  const notes: Text[] = [];
  if (linked.length > 0)
    notes.push(
      told === 0
        ? rich`Linked dissent: ${dissentList(linked)}.`
        : rich`Linked dissent: ${dissentList(linked)}. I've told ${told === 1 ? "the member" : "each member"} privately.`,
    );
  // The example names a real meeting still to come, other than the one it is going to already.
  const going = decision.meetingId === null ? core.store.decisions.broughtTo(decision) : undefined;
  const other = core.store.meetings
    .upcoming(workstream.id, now)
    .find((m) => m.startsAt.getTime() > now.getTime() && m.id !== going?.id);
  const which = going ? "a different meeting" : "a particular meeting";
  const how = other
    ? rich`${code(`/decision bring ${id} ${formatId("meeting", other.seq)}`)}`
    : rich`${code(`/decision bring ${id}`)} and the meeting's number, once it is booked`;
  notes.push(
    decision.meetingId !== null
      ? rich`I've posted it in the channel. Everyone can see the log with ${code("/decision list")}.`
      : ctx.member?.role === "chair"
        ? rich`I've posted it in the channel, marked as made outside a meeting. To bring it to ${which}: ${how}.`
        : rich`I've posted it in the channel, marked as made outside a meeting. The chair can bring it to ${which} with ${how}.`,
  );
  return {
    text,
    blocks: [{ kind: "text", text }, ...notes.map((note) => ({ kind: "note" as const, text: note }))],
  };
}

/** The dissent a `dissent D-n` clause names, in this workstream and not withdrawn. */
function linkedDissent(core: Core, ctx: WorkstreamContext, typed: string): Dissent {
  const seq = parseId("dissent", typed);
  if (seq === undefined)
    refuse("decision.dissent-id", rich`"${typed}" is not a dissent number. For example: ${code(EXAMPLE)}.`);
  const dissent = core.store.dissent.bySeq(ctx.workstream.id, seq);
  const id = formatId("dissent", seq);
  if (!dissent)
    refuse(
      "decision.dissent-not-found",
      rich`There is no ${id} in ${em(ctx.workstream.name)}, so I haven't recorded the decision. ${code("/dissent list")} shows the register.`,
    );
  if (dissent.status === "withdrawn")
    refuse(
      "decision.dissent-withdrawn",
      `${id} was withdrawn, so it can't be linked to a decision. I haven't recorded the decision.`,
    );
  return dissent;
}

function dissentList(linked: Dissent[]): string {
  return [...new Set(linked.map((d) => formatId("dissent", d.seq)))].join(", ");
}

/**
 * One kind private message to each member whose dissent is linked, naming only their own
 * view(s): never the other dissenters. The chair who recorded it needs no message. Returns how
 * many were told.
 */
function tellDissenters(
  core: Core,
  workstream: Workstream,
  decision: Decision,
  linked: Dissent[],
  actorId: number,
): number {
  const id = formatId("decision", decision.seq);
  const byMember = new Map<number, Dissent[]>();
  for (const d of linked) {
    const theirs = byMember.get(d.memberId) ?? [];
    if (!theirs.some((t) => t.id === d.id)) theirs.push(d);
    byMember.set(d.memberId, theirs);
  }
  let told = 0;
  for (const [memberId, theirs] of byMember) {
    // The chair needs no message about their own record; someone who has left is not written to.
    if (memberId === actorId || !core.store.members.get(workstream.id, memberId)) continue;
    const person = core.store.people.byId(memberId);
    if (!person) continue;
    const ids = dissentList(theirs);
    const views = theirs.length === 1 ? `your view (${ids}) is` : `your views (${ids}) are`;
    const recorder = core.store.people.byId(decision.recordedBy)?.name ?? "The chair";
    const text = rich`Hi ${person.name} — ${recorder} has recorded a decision in ${em(workstream.name)}: ${quotedDecision(decision.text)} (decision ${id}). ${madeSentence(core, workstream, decision)} ${capital(views)} recorded alongside it, so anyone reading the decision log can see that you disagreed.`;
    queueDirectMessage(
      core,
      workstream,
      person,
      {
        text,
        blocks: [
          { kind: "text", text },
          {
            kind: "note",
            text: rich`Thank you for saying what you think: it matters. Your view stays in the dissent register. To see the decision log: ${code("/decision list")}.`,
          },
        ],
      },
      { key: `decision-dissent:${decision.id}:${memberId}`, subject: `decision:${decision.id}` },
    );
    told++;
  }
  return told;
}

/** "It was made at M-1 *Planning* on …." or "It was made outside a meeting on …, and will be brought to the group at …." */
function madeSentence(core: Core, workstream: Workstream, decision: Decision): Text {
  const zone = workstream.settings.timezone;
  const standing = standingOf(core, decision);
  if (standing.madeAt) return rich`It was made at ${meetingOn(standing.madeAt, zone)}.`;
  const outside = rich`It was made outside a meeting on ${formatDay(decision.decidedAt, zone)}`;
  return standing.bringTo
    ? rich`${outside}, and will be brought to the group at ${meetingOn(standing.bringTo, zone)}.`
    : rich`${outside}, and will be brought to the group at the next meeting.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
