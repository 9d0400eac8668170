import { GROUPS, type Group, groupLabel } from "./roles.ts";

/**
 * The one rule for every figure made from people's answers (PRODUCT.md §6 and §15): check-in
 * summaries, the digest, reviews, the programme view and exports all fold answers through it.
 *
 * A reader may know a lot besides the figure: a chair sees named answers with names, knows
 * who has answered (`/checkin status`), who came to the meeting and everyone's stakeholder
 * group. So a figure may only contain anonymous answers in groups of three or more, and no
 * figure may be "the rest" of other figures in a way that leaves one or two people.
 */

/** Fewer answers than this in a figure could point at the people who gave them. */
export const SMALL_GROUP = 3;

/** The label for groups folded together. */
export const FOLDED = "other groups";

/** A figure's group: a stakeholder group, or the small ones folded together. */
export type FigureLabel = Group | typeof FOLDED;

/** How a figure's group reads: "service users", "other groups". */
export function figureLabel(label: FigureLabel): string {
  return label === FOLDED ? FOLDED : groupLabel(label);
}

/**
 * Who reads the figure. A chair sees named answers with their names, so only anonymous
 * answers need hiding; everyone else (coordinators, programme leads, exports) sees
 * aggregates only, so every answer is treated as anonymous.
 */
export type Audience = "chair" | "aggregates";

/** What the rule needs to know of one answer. */
export interface Contribution {
  group: Group;
  /** Given without a name (always true in effect for the "aggregates" audience). */
  anonymous: boolean;
}

/** One figure's answers after folding. */
export interface FoldedFigure<A extends Contribution> {
  /** The answers the figure may count. */
  counted: A[];
  /** Answers left out so that nobody can tell who gave them (0 when none). */
  heldBack: number;
  /**
   * The figure by stakeholder group: every entry holds 3 or more answers, none or 3 or more
   * of them anonymous, and together they hold every counted answer, so no total minus the
   * groups shown leaves anyone out. Empty when no such breakdown exists, or when it would
   * only repeat the total.
   */
  groups: Array<{ label: FigureLabel; answers: A[] }>;
}

/**
 * Folds one figure's answers: `answers` must be exactly the answers to the question the
 * figure is about (people who were not asked it — who did not attend, say — left out, since
 * a reader may know who they are).
 */
export function foldFigure<A extends Contribution>(answers: A[], audience: Audience): FoldedFigure<A> {
  const hidden = (a: A) => audience === "aggregates" || a.anonymous;
  const anonymous = answers.filter(hidden);
  const counted = anonymous.length >= SMALL_GROUP ? answers : answers.filter((a) => !hidden(a));
  const heldBack = answers.length - counted.length;
  const hiddenIn = (bucket: A[]) => bucket.filter(hidden).length;
  const safe = (bucket: A[]) => {
    const n = hiddenIn(bucket);
    return bucket.length >= SMALL_GROUP && (n === 0 || n >= SMALL_GROUP);
  };
  const buckets = GROUPS.map((group) => ({
    label: group as FigureLabel,
    answers: counted.filter((a) => a.group === group),
  })).filter((b) => b.answers.length > 0);
  const shown = buckets.filter((b) => safe(b.answers));
  const rest = buckets.filter((b) => !safe(b.answers)).flatMap((b) => b.answers);
  // "Other groups" must be safe too, or the one or two people in it would be the total minus
  // the groups shown: fold shown groups in, smallest first, until it is — preferring one that
  // makes it safe at once, then one that brings anonymous answers to join its one or two.
  while (rest.length > 0 && !safe(rest) && shown.length > 0) {
    const bySize = [...shown].sort((a, b) => a.answers.length - b.answers.length);
    const few = hiddenIn(rest) > 0;
    const next =
      bySize.find((b) => safe([...rest, ...b.answers])) ??
      (few ? bySize.find((b) => hiddenIn(b.answers) > 0) : undefined) ??
      (bySize[0] as (typeof shown)[number]);
    shown.splice(shown.indexOf(next), 1);
    rest.push(...next.answers);
  }
  const groups = [...shown];
  if (rest.length > 0 && safe(rest)) groups.push({ label: FOLDED, answers: rest });
  else if (rest.length > 0) groups.length = 0;
  // One group holding everything would only repeat the total.
  if (groups.length === 1 && groups[0]?.label === FOLDED) groups.length = 0;
  return { counted, heldBack, groups };
}

/**
 * Comments in an order that says nothing about who wrote them or when: sorted by a keyed
 * hash of their text, so every view of the same check-in lists them the same way.
 */
export function unlinkedOrder<T extends { text: string }>(items: T[], seed: number): T[] {
  return items
    .map((item) => ({ item, key: hash(`${seed}:${item.text}`), whole: JSON.stringify(item) }))
    .sort((a, b) => a.key - b.key || (a.whole < b.whole ? -1 : a.whole > b.whole ? 1 : 0))
    .map((x) => x.item);
}

/** FNV-1a, 32 bits: enough to scatter comments, not a secret. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
