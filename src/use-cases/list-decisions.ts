import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { dissentIdsOf, quotedDecision, standingOf, whereMade } from "./decision-record.ts";
import { nameOf } from "./dissent-record.ts";

/** One row of the decision log, as plain data (for `npm run export` and other features). */
export interface DecisionLogRow {
  /** DC-n */
  id: string;
  text: string;
  decidedAt: Date;
  recordedBy: string;
  /** "meeting" when made in one, "outside" otherwise. */
  made: "meeting" | "outside";
  /** The meeting it was made in (`M-1 Budget review`), or "" when made outside one. */
  meeting: string;
  /** Made outside: the meeting that brings (or brought) it to the group, or "" when none is booked yet. */
  broughtTo: string;
  /** Made outside: whether that meeting has ended. */
  brought: boolean;
  /** Linked dissent ids, `D-4`. */
  dissent: string[];
}

/** The decision log of a workstream, oldest first, as plain rows. */
export function decisionLog(core: Core, workstreamId: number): DecisionLogRow[] {
  return core.store.decisions.list(workstreamId).map((decision) => {
    const standing = standingOf(core, decision);
    const meetingName = (m: { seq: number; title: string } | undefined) =>
      m ? `${formatId("meeting", m.seq)} ${m.title}` : "";
    return {
      id: formatId("decision", decision.seq),
      text: decision.text,
      decidedAt: decision.decidedAt,
      recordedBy: nameOf(core, decision.recordedBy),
      made: decision.meetingId === null ? "outside" : "meeting",
      meeting: meetingName(standing.madeAt),
      broughtTo: meetingName(standing.bringTo),
      brought: standing.brought,
      dissent: dissentIdsOf(core, decision),
    };
  });
}

/** `/decision list`: the decision log, each decision with where it was made and any dissent. */
export function listDecisions(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const log = core.store.decisions.list(workstream.id);
  if (log.length === 0) {
    const text = rich`The decision log for ${em(workstream.name)} is empty.`;
    return {
      text,
      blocks: [
        { kind: "text", text },
        {
          kind: "note",
          text: rich`The chair or coordinator records decisions with ${code("/decision what was decided")}.`,
        },
      ],
    };
  }
  const text = rich`The decision log for ${em(workstream.name)} (${log.length}):`;
  const blocks: Block[] = [{ kind: "text", text }];
  for (const decision of log) {
    // A view withdrawn after the decision stays linked, but says so.
    const dissent = decision.dissentIds.flatMap((id) => {
      const d = core.store.dissent.byId(id);
      if (!d) return [];
      const dId = formatId("dissent", d.seq);
      return [d.status === "withdrawn" ? `${dId} (since withdrawn)` : dId];
    });
    blocks.push({
      kind: "text",
      text: rich`${em(formatId("decision", decision.seq))} — ${quotedDecision(decision.text)}`,
    });
    blocks.push({
      kind: "list",
      items: [
        whereMade(core, workstream, decision, "Made"),
        `Recorded by ${nameOf(core, decision.recordedBy)} on ${formatWhen(decision.decidedAt, zone, now)}`,
        dissent.length > 0 ? `Dissent recorded alongside it: ${dissent.join(", ")}` : "No dissent linked",
      ],
    });
  }
  blocks.push({ kind: "note", text: "Everyone in the workstream can see the decision log." });
  return { text, blocks };
}
