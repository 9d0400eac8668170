import { type Audience, type FigureLabel, foldFigure, unlinkedOrder } from "./anonymity.ts";
import { questionsOf, type ReviewPart, type ReviewQuestion, type ReviewValues } from "./review.ts";
import type { Group } from "./roles.ts";

/** One finished answer as a summary sees it. */
export interface ReviewAnswer {
  group: Group;
  anonymous: boolean;
  /** Set only for named answers, and only shown to a chair. */
  name: string | null;
  values: ReviewValues;
}

/** A part's headline: how many of the counted answers to its questions were 4 or 5 of 5. */
export interface Headline {
  high: number;
  all: number;
}

export interface PartFigures {
  headline: Headline;
  /** People whose answers the figure counts. */
  counted: number;
  heldBack: number;
  /** Each question's mean score (undefined with no answers). */
  means: Partial<Record<ReviewQuestion, number>>;
  byGroup: Array<{ label: FigureLabel; counted: number; headline: Headline }>;
  /** Comments in an order that says nothing of who wrote them; `name` null unless named for a chair. */
  comments: Array<{ name: string | null; text: string }>;
}

export interface ReviewSummary {
  invited: number;
  answered: number;
  open: boolean;
  /** Empty while open (PRODUCT.md §15). */
  parts: Partial<Record<ReviewPart, PartFigures>>;
  /** The final evaluation's "what should future programmes learn" comments. */
  learn: Array<{ name: string | null; text: string }>;
}

const answeredIn = (a: ReviewAnswer, part: ReviewPart) => questionsOf(part).some((q) => a.values[q] !== null);

function headline(answers: ReviewAnswer[], part: ReviewPart): Headline {
  let high = 0;
  let all = 0;
  for (const a of answers)
    for (const q of questionsOf(part)) {
      const v = a.values[q];
      if (v === null) continue;
      all++;
      if (v >= 4) high++;
    }
  return { high, all };
}

/**
 * One review's figures for a reader, every one through the one folding rule (`foldFigure`):
 * the caller leaves out what the reader may not see at all (a chair's own answers, for a
 * chair). While the review is open only how many have answered is given.
 */
export function summariseReview(input: {
  invited: number;
  /** How many answered (the figures may count fewer: a chair never sees chairs' answers). */
  answered: number;
  answers: ReviewAnswer[];
  open: boolean;
  seed: number;
  audience: Audience;
}): ReviewSummary {
  const { answers, audience } = input;
  const base = { invited: input.invited, answered: input.answered, open: input.open };
  if (input.open) return { ...base, parts: {}, learn: [] };
  const nameFor = (a: ReviewAnswer) => (audience === "chair" && !a.anonymous ? a.name : null);
  const parts: Partial<Record<ReviewPart, PartFigures>> = {};
  for (const part of ["task", "process"] as const) {
    const figure = foldFigure(
      answers.filter((a) => answeredIn(a, part)),
      audience,
    );
    const means: Partial<Record<ReviewQuestion, number>> = {};
    for (const q of questionsOf(part)) {
      const scores = figure.counted.flatMap((a) => (a.values[q] === null ? [] : [a.values[q] as number]));
      if (scores.length > 0) means[q] = scores.reduce((s, v) => s + v, 0) / scores.length;
    }
    const key = part === "task" ? "taskComment" : "processComment";
    parts[part] = {
      headline: headline(figure.counted, part),
      counted: figure.counted.length,
      heldBack: figure.heldBack,
      means,
      byGroup: figure.groups.map((g) => ({
        label: g.label,
        counted: g.answers.length,
        headline: headline(g.answers, part),
      })),
      comments: commentsOf(foldFigure(answers, audience).counted, key, nameFor, input.seed),
    };
  }
  const learn = commentsOf(foldFigure(answers, audience).counted, "learnComment", nameFor, input.seed);
  return { ...base, parts, learn };
}

function commentsOf(
  counted: ReviewAnswer[],
  key: "taskComment" | "processComment" | "learnComment",
  nameFor: (a: ReviewAnswer) => string | null,
  seed: number,
): Array<{ name: string | null; text: string }> {
  return unlinkedOrder(
    counted.filter((a) => a.values[key]).map((a) => ({ name: nameFor(a), text: a.values[key] ?? "" })),
    seed,
  );
}

/** "9 of 12 (75%)"-style share, as a number from 0 to 1; undefined with nothing counted. */
export function headlineRate(h: Headline | undefined): number | undefined {
  return h && h.all > 0 ? h.high / h.all : undefined;
}
