import type { Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import {
  GROUND_RULE_QUESTIONS,
  type GroundRulesRound,
  type GroundRulesSummary,
  summariseGroundRules,
} from "../domain/ground-rules.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import { type Block, type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { chairsOf } from "./people.ts";

/** What the chair may see of a round now: only how many answered while it is open. */
export function groundRulesSummary(core: Core, round: GroundRulesRound): GroundRulesSummary {
  const { invited, answered } = core.store.groundRules.counts(round.id);
  return summariseGroundRules({
    invited,
    answered,
    open: round.closedAt === null,
    answers: round.closedAt === null ? [] : core.store.groundRules.answers(round.id),
    seed: round.id,
  });
}

/** The chair's summary: per question the answers, named ones with the name, in no telling order. */
export function groundRulesSummaryMessage(
  workstream: Workstream,
  round: GroundRulesRound,
  summary: GroundRulesSummary,
  now: Date,
): Message {
  const zone = workstream.settings.timezone;
  const rate = `${summary.answered} of ${summary.invited} ${summary.invited === 1 ? "member" : "members"} answered`;
  if (summary.open) {
    return message(
      rich`The ground-rules questions for ${em(workstream.name)} are open until ${formatWhen(round.closesAt, zone, now)}. So far ${rate.replace(" answered", " have answered")}.`,
      {
        kind: "note",
        text: "You'll see what they said when it closes: showing answers as they come in could tell who gave them.",
      },
    );
  }
  if (summary.answered === 0) {
    return message(
      rich`The ground-rules questions for ${em(workstream.name)} have closed. Nobody answered them this time.`,
      {
        kind: "note",
        text: rich`You can talk them through at the meeting instead, and record what the group agrees with ${code("/groundrules set 1 <what was agreed>")}.`,
      },
    );
  }
  const blocks: Block[] = [];
  const held = summary.questions.reduce((n, q) => n + q.heldBack, 0);
  for (const q of summary.questions) {
    blocks.push({ kind: "heading", text: `${q.question}. ${GROUND_RULE_QUESTIONS[q.question - 1]}` });
    const items: Text[] = q.answers.map((a) => (a.name ? rich`${a.name}: "${a.text}"` : rich`"${a.text}"`));
    // The same words whether nobody answered or the answers are held back: which it is would
    // say what the one or two anonymous people answered.
    blocks.push(items.length > 0 ? { kind: "list", items } : { kind: "text", text: "No answers to show." });
  }
  // One note, with no count and no question named: either would say which questions the one or
  // two people who answered anonymously chose to answer.
  if (held > 0) blocks.push({ kind: "note", text: HELD_BACK });
  blocks.push({
    kind: "note",
    text: rich`When the group agrees an answer, record it with ${code("/groundrules set 1 <what was agreed>")}: it goes in the channel, and into every new member's welcome.`,
  });
  return message(
    rich`What members said about how ${em(workstream.name)} should work together: ${rate}.`,
    ...blocks,
    { kind: "note", text: "Only the chairs see this. Anonymous answers are shown without a name." },
  );
}

const HELD_BACK =
  "Some anonymous answers are not shown, so that no one can tell who gave them: a question's anonymous answers appear once at least 3 people have given one.";

/**
 * Closes a round whose time is up (or whose workstream is closing) and sends each chair the
 * summary, privately. Closing twice does nothing; each summary has its own outbox key.
 * Returns how many summaries were queued.
 */
export function closeGroundRulesRound(core: Core, round: GroundRulesRound, now: Date): number {
  if (!core.store.groundRules.closeRound(round.id, now)) return 0;
  const workstream = core.store.workstreams.byId(round.workstreamId);
  if (!workstream) return 0;
  const closed = { ...round, closedAt: now };
  const summary = groundRulesSummaryMessage(workstream, closed, groundRulesSummary(core, closed), now);
  let queued = 0;
  for (const chair of chairsOf(core.store.members.list(workstream.id))) {
    if (
      queueDirectMessage(core, workstream, chair, summary, {
        key: `groundrules-summary:${round.id}:${chair.id}`,
        audience: "chair",
      })
    )
      queued++;
  }
  core.log.info({ round: round.id, chairs: queued }, "ground-rules questions closed");
  return queued;
}

/** `/groundrules summary` (chair): the latest round, as the chair may see it now. */
export function showGroundRulesSummary(core: Core, ctx: WorkstreamContext): Message {
  const round = core.store.groundRules.latestRound(ctx.workstream.id);
  if (!round) {
    refuse(
      "groundrules.none",
      rich`Members haven't been asked about the ground rules yet. To ask them privately, type ${code("/groundrules ask")}.`,
    );
  }
  return groundRulesSummaryMessage(ctx.workstream, round, groundRulesSummary(core, round), core.clock.now());
}
