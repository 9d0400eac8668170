import type { Meeting, Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { GROUND_RULE_QUESTIONS, type GroundRulesRound } from "../domain/ground-rules.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { TEXT_LIMITS } from "../domain/text.ts";
import { DAY, formatWhen } from "../domain/time.ts";
import { type Form, type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";

/** The buttons and forms of a ground-rules round; the value is always the round's id. */
export const GROUND_RULES_ACTIONS = {
  answer: "groundrules.answer",
  sent: "groundrules.answer-sent",
} as const;

/** How long a round stays open when no meeting comes first. */
const OPEN_FOR = 7 * DAY;
/** A meeting sooner than this leaves too little time to answer: the round runs its week. */
const AT_LEAST = DAY;

/**
 * When a round closes: at the start of the next meeting, so the chair has the summary to take
 * to it, if that is between a day and a week away; otherwise a week after asking.
 */
export function closingTime(next: Meeting | undefined, now: Date): Date {
  const start = next?.startsAt.getTime();
  const t = now.getTime();
  return start !== undefined && start - t >= AT_LEAST && start - t <= OPEN_FOR
    ? new Date(start)
    : new Date(t + OPEN_FOR);
}

/**
 * `/groundrules ask` (chair): every other member gets the nine questions privately, each
 * optional, with the choice to answer anonymously. Nothing is shown to the chair until it
 * closes; then each chair gets the summary.
 */
export function askGroundRules(core: Core, ctx: WorkstreamContext): Message {
  const { workstream, actor } = ctx;
  const now = core.clock.now();
  const zone = workstream.settings.timezone;
  const result = core.store.transaction(() => {
    const open = core.store.groundRules.openRoundIn(workstream.id);
    if (open) {
      refuse(
        "groundrules.already-open",
        rich`Members are already answering the ground-rules questions, until ${formatWhen(open.closesAt, zone, now)}. To see how many have answered, type ${code("/groundrules summary")}.`,
      );
    }
    const members = core.store.members.list(workstream.id).filter((m) => m.id !== actor.id);
    if (members.length === 0) {
      refuse(
        "groundrules.no-members",
        rich`There's nobody else in ${em(workstream.name)} to ask yet. Add people with ${code("/workstream add @sam @kim")}.`,
      );
    }
    const next = core.store.meetings.upcoming(workstream.id, now).find((m) => m.startsAt > now);
    const round = core.store.groundRules.openRound({
      workstreamId: workstream.id,
      askedBy: actor.id,
      openedAt: now,
      closesAt: closingTime(next, now),
    });
    for (const member of members) invite(core, workstream, round, member, actor.name, now);
    return { round, asked: members.length };
  });
  core.log.info(
    { workstream: workstream.id, round: result.round.id, asked: result.asked },
    "ground rules asked",
  );
  return message(
    rich`I've sent the ground-rules questions privately to ${result.asked} ${result.asked === 1 ? "member" : "members"} of ${em(workstream.name)}. They can answer until ${formatWhen(result.round.closesAt, zone, now)}.`,
    {
      kind: "note",
      text: rich`You'll get a summary to take to the meeting when it closes. Until then, ${code("/groundrules summary")} shows how many have answered, but not what.`,
    },
  );
}

function invite(
  core: Core,
  workstream: Workstream,
  round: GroundRulesRound,
  person: Person,
  by: string,
  now: Date,
): void {
  if (!core.store.groundRules.invite(round.id, person.id, now)) return;
  queueDirectMessage(core, workstream, person, invitation(workstream, round, person, by, now), {
    key: `groundrules-ask:${round.id}:${person.id}`,
    subject: `groundrules:${round.id}`,
    expiresAt: round.closesAt,
  });
}

/**
 * Someone who joins while members are being asked is asked too: the questions are for every
 * member. Call it inside the transaction that adds them.
 */
export function askNewMemberAboutGroundRules(core: Core, workstream: Workstream, person: Person): void {
  const round = core.store.groundRules.openRoundIn(workstream.id);
  if (!round) return;
  const asker = core.store.people.byId(round.askedBy);
  invite(core, workstream, round, person, asker?.name ?? "The chair", core.clock.now());
}

function invitation(
  workstream: Workstream,
  round: GroundRulesRound,
  person: Person,
  by: string,
  now: Date,
): Message {
  return message(
    rich`Hi ${person.name} — ${by} would like to hear how you think ${em(workstream.name)} should work together.`,
    {
      kind: "text",
      text: `There are ${GROUND_RULE_QUESTIONS.length} short questions. Answer any you like and skip the rest. Only the chairs will see your answers, and you can answer anonymously.`,
    },
    {
      kind: "buttons",
      buttons: [
        {
          action: GROUND_RULES_ACTIONS.answer,
          label: "Answer the questions",
          value: String(round.id),
          style: "primary",
        },
      ],
    },
    {
      kind: "note",
      text: `You can answer until ${formatWhen(round.closesAt, workstream.settings.timezone, now)}.`,
    },
  );
}

/** "Answer the questions": the form with the nine questions and the choice to stay anonymous. */
export function openGroundRulesForm(core: Core, actor: Person, value: string): ActionResult {
  const round = answerableRound(core, actor, value);
  const form: Form = {
    action: GROUND_RULES_ACTIONS.sent,
    title: "How we work together",
    intro: "Answer any you like and leave the rest blank. Only the chairs will see your answers.",
    submitLabel: "Send",
    context: String(round.id),
    fields: [
      ...GROUND_RULE_QUESTIONS.map((label, i) => ({
        kind: "text" as const,
        id: `q${i + 1}`,
        label,
        multiline: true,
        optional: true,
        maxLength: TEXT_LIMITS.comment,
      })),
      {
        kind: "choice",
        id: "share",
        label: "Share your name with the chairs?",
        options: [
          { value: "share", label: "Yes, share my name" },
          { value: "anonymous", label: "No, answer anonymously" },
        ],
      },
    ],
  };
  return { kind: "form", form };
}

/** The round a button or form points at, if this person may still answer it. */
export function answerableRound(core: Core, actor: Person, value: string): GroundRulesRound {
  const round = core.store.groundRules.roundById(Number(value));
  const invite = round && core.store.groundRules.invited(round.id, actor.id);
  if (!round || !invite) refuse("groundrules.gone", "Sorry, I can't find those questions any more.");
  const now = core.clock.now();
  if (round.closedAt || round.closesAt.getTime() <= now.getTime()) {
    refuse(
      "groundrules.closed",
      "Thank you — these questions have closed now, so the chair has already had the answers.",
    );
  }
  if (invite.answeredAt) refuse("groundrules.answered", "You've already sent your answers. Thank you.");
  return round;
}
