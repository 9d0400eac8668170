import { foldFigure, unlinkedOrder } from "./anonymity.ts";

/**
 * The review's Stage 4 questions (PRODUCT.md §13): how the group agrees to work. Numbered 1-9
 * as people type them (`/groundrules set 3 …`).
 */
export const GROUND_RULE_QUESTIONS = [
  "How will the group get to know one another?",
  "How will we make sure everyone has a voice?",
  "How will we deal with differences of opinion?",
  "How will we deal with specialist issues?",
  "How will we share responsibility for decisions?",
  "How will we deal with dissent?",
  "What support do individuals need?",
  "Are key stakeholders missing?",
  "Are skills missing?",
] as const;

export const GROUND_RULE_COUNT = GROUND_RULE_QUESTIONS.length;

/** The question numbered `n` (1-9). */
export function groundRuleQuestion(n: number): string {
  return GROUND_RULE_QUESTIONS[n - 1] ?? "";
}

/** One agreed answer, as recorded by `/groundrules set`. */
export interface AgreedRule {
  id: number;
  workstreamId: number;
  question: number;
  answer: string;
  agreedBy: number;
  agreedAt: Date;
}

/** One `/groundrules ask`: open until `closesAt`. */
export interface GroundRulesRound {
  id: number;
  workstreamId: number;
  askedBy: number;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

/** One answer to one question: `name` only when given with it. */
export interface GroundRulesAnswer {
  question: number;
  text: string;
  name: string | null;
}

/** What the chair sees of one question's answers. */
export interface QuestionAnswers {
  question: number;
  answers: Array<{ name: string | null; text: string }>;
  /** Anonymous answers held back: fewer than 3 gave one to this question. */
  heldBack: number;
}

/** The chair's summary of a round: nothing but how many answered while it is open. */
export interface GroundRulesSummary {
  invited: number;
  answered: number;
  open: boolean;
  questions: QuestionAnswers[];
}

/**
 * Folds each question's answers like a check-in's comments (PRODUCT.md §15): anonymous ones
 * count only once 3 or more were given to that question, and are shown in an order that says
 * nothing about who wrote them (`seed` is the round's id). The summary is not broken down by
 * stakeholder group, so no group is kept or needed: every answer stands in the same one.
 */
export function summariseGroundRules(input: {
  invited: number;
  answered: number;
  open: boolean;
  answers: GroundRulesAnswer[];
  seed: number;
}): GroundRulesSummary {
  const base = { invited: input.invited, answered: input.answered, open: input.open };
  if (input.open) return { ...base, questions: [] };
  const questions = GROUND_RULE_QUESTIONS.map((_, i) => {
    const question = i + 1;
    const figure = foldFigure(
      input.answers
        .filter((a) => a.question === question)
        .map((a) => ({ ...a, group: "other" as const, anonymous: a.name === null })),
      "chair",
    );
    return {
      question,
      answers: unlinkedOrder(
        figure.counted.map((a) => ({ name: a.name, text: a.text })),
        input.seed * 10 + question,
      ),
      heldBack: figure.heldBack,
    };
  });
  return { ...base, questions };
}
