import {
  type Audience,
  type Contribution,
  type FigureLabel,
  foldFigure,
  unlinkedOrder,
} from "./anonymity.ts";
import type { AnswerValues } from "./check-in.ts";
import type { Group } from "./roles.ts";

/** One finished answer as the summary sees it: named ones carry a name, anonymous ones never. */
export type SummaryAnswer = AnswerValues & Contribution & { name: string | null };

/** The questions whose answers are counted, and each one's choices in order. */
export const COUNTED = {
  attended: ["yes", "no"],
  spoke: ["fully", "partly", "not-really"],
  listened: ["yes", "partly", "no"],
  oneToOne: ["yes", "no"],
} as const;

export type CountedQuestion = keyof typeof COUNTED;

/** How many gave each choice. */
export type ChoiceCounts = Record<string, number>;

/** One question's figures: the total and, where safe, by stakeholder group. */
export interface QuestionFigures {
  counts: ChoiceCounts;
  /** How many answers the counts hold. */
  counted: number;
  /** Anonymous answers held back from this question's figures. */
  heldBack: number;
  byGroup: Array<{ label: FigureLabel; counted: number; counts: ChoiceCounts }>;
}

/** What the chair (or, with the "aggregates" audience, anyone else) may see of one check-in. */
export interface CheckInSummary {
  invited: number;
  answered: number;
  /** Open: who has answered and how many, nothing else (PRODUCT.md §15). */
  open: boolean;
  /** Per question; empty while open. */
  questions: Partial<Record<CountedQuestion, QuestionFigures>>;
  /** Answers held back everywhere because fewer than 3 were anonymous. */
  heldBack: number;
  /** Comments, in an order unrelated to who wrote them; `name` null when anonymous. */
  comments: Array<{ name: string | null; text: string }>;
  /** Who asked for a one-to-one by name, and how many asked anonymously (counted ones). */
  oneToOne: { named: string[]; anonymous: number };
}

/**
 * The summary of one check-in from its finished answers. `invited` counts everyone sent it;
 * `seed` (the check-in's id) fixes the comments' order. While the check-in is open only the
 * number who have answered is given, so that no one can tell an answer by watching the
 * figures change as each person answers.
 */
export function summariseCheckIn(input: {
  invited: number;
  answers: SummaryAnswer[];
  open: boolean;
  seed: number;
  audience: Audience;
}): CheckInSummary {
  const { answers, audience } = input;
  const base = { invited: input.invited, answered: answers.length, open: input.open };
  if (input.open)
    return { ...base, questions: {}, heldBack: 0, comments: [], oneToOne: { named: [], anonymous: 0 } };
  const questions: Partial<Record<CountedQuestion, QuestionFigures>> = {};
  for (const question of Object.keys(COUNTED) as CountedQuestion[]) {
    const figure = foldFigure(
      answers.filter((a) => a[question] !== null),
      audience,
    );
    questions[question] = {
      counts: tally(figure.counted, question),
      counted: figure.counted.length,
      heldBack: figure.heldBack,
      byGroup: figure.groups.map((g) => ({
        label: g.label,
        counted: g.answers.length,
        counts: tally(g.answers, question),
      })),
    };
  }
  // The comment question is only asked of those who came (question 1 "no" skips it), and a
  // chair knows who came: the comments' figure is the people who were asked it.
  const asked = foldFigure(
    answers.filter((a) => a.attended === "yes"),
    audience,
  );
  const comments = unlinkedOrder(
    asked.counted
      .filter((a) => a.comment)
      .map((a) => ({ name: audience === "chair" && !a.anonymous ? a.name : null, text: a.comment ?? "" })),
    input.seed,
  );
  const oneToOne = foldFigure(
    answers.filter((a) => a.oneToOne !== null),
    audience,
  ).counted.filter((a) => a.oneToOne === "yes");
  return {
    ...base,
    questions,
    heldBack: foldFigure(answers, audience).heldBack,
    comments: audience === "chair" ? comments : [],
    oneToOne: {
      named:
        audience === "chair"
          ? oneToOne
              .flatMap((a) => (!a.anonymous && a.name ? [a.name] : []))
              .sort((a, b) => a.localeCompare(b))
          : [],
      anonymous: oneToOne.filter((a) => audience !== "chair" || a.anonymous).length,
    },
  };
}

function tally(answers: SummaryAnswer[], question: CountedQuestion): ChoiceCounts {
  const counts: ChoiceCounts = Object.fromEntries(COUNTED[question].map((c) => [c, 0]));
  for (const a of answers) {
    const value = a[question];
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** One meeting's "felt listened to" answers for one group, for trends in the digest. */
export interface ListenedPoint {
  meetingId: number;
  meetingSeq: number;
  startsAt: Date;
  group: Group;
  yes: number;
  partly: number;
  no: number;
}
