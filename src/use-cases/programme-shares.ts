import { type FigureLabel, FOLDED, figureLabel, foldFigure } from "../domain/anonymity.ts";
import type { Group } from "../domain/roles.ts";

/** How many said yes, out of how many answered. */
export interface Share {
  yes: number;
  all: number;
}

/** One question's figure: the total and, where the one rule allows, by stakeholder group. */
export interface GroupShares {
  all: Share;
  /** Every counted answer is in exactly one of these (small groups under "other groups"). */
  groups: Map<FigureLabel, Share>;
}

export function emptyShares(): GroupShares {
  return { all: { yes: 0, all: 0 }, groups: new Map() };
}

/**
 * One closed check-in's figure for one question, folded by the one rule for the "aggregates"
 * audience (programme leads see only aggregates). This is the only place programme figures
 * meet answers: every larger figure (a month, a quarter, the whole programme) is a sum of these,
 * so no difference between two figures shown can reach below what one check-in may show.
 */
export function checkInShares(rows: Array<{ group: Group; yes: boolean; count: number }>): GroupShares {
  const answers = rows.flatMap((r) =>
    Array.from({ length: r.count }, () => ({ group: r.group, anonymous: true, yes: r.yes })),
  );
  const folded = foldFigure(answers, "aggregates");
  const share = (as: Array<{ yes: boolean }>): Share => ({
    yes: as.filter((a) => a.yes).length,
    all: as.length,
  });
  const groups = new Map(folded.groups.map((g) => [g.label, share(g.answers)] as const));
  // No breakdown the rule allows: the whole (safe) total is "other groups", so the groups
  // shown always add up to the total and nothing is left for a reader to work out.
  if (groups.size === 0 && folded.counted.length > 0) groups.set(FOLDED, share(folded.counted));
  return { all: share(folded.counted), groups };
}

/** Adds one figure into another (both already folded). */
export function addShares(into: GroupShares, from: GroupShares): void {
  into.all.yes += from.all.yes;
  into.all.all += from.all.all;
  for (const [label, s] of from.groups) {
    const t = into.groups.get(label) ?? { yes: 0, all: 0 };
    t.yes += s.yes;
    t.all += s.all;
    into.groups.set(label, t);
  }
}

/** The labels in a set of figures, in the order they are shown: by name, "other groups" last. */
export function labelsOf(figures: GroupShares[]): FigureLabel[] {
  return [...new Set(figures.flatMap((f) => [...f.groups.keys()]))].sort((a, b) =>
    a === FOLDED ? 1 : b === FOLDED ? -1 : figureLabel(a).localeCompare(figureLabel(b)),
  );
}

/** A share as a whole percentage, or undefined when nobody is counted. */
export function percentOf(s: { yes: number; all: number } | undefined): number | undefined {
  return s && s.all > 0 ? Math.round((100 * s.yes) / s.all) : undefined;
}
