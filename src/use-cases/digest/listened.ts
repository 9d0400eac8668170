import { type FigureLabel, FOLDED, figureLabel, foldFigure, SMALL_GROUP } from "../../domain/anonymity.ts";
import type { ListenedPoint } from "../../domain/check-in-summary.ts";
import type { Group } from "../../domain/roles.ts";
import { GAP, sparkline } from "../../domain/sparkline.ts";
import { type DigestInput, percent, type SectionBuilder } from "./section.ts";

const MEETINGS = 6;

type Listened = { group: Group; anonymous: true; yes: boolean };

/** One meeting's "felt listened to" figure, folded as coordinators must see it. */
interface MeetingFigure {
  yes: number;
  all: number;
  /** Group label → its share, only where the rule allows a group figure. */
  groups: Map<FigureLabel, { yes: number; all: number }>;
}

function figureOf(points: ListenedPoint[]): MeetingFigure {
  const answers: Listened[] = points.flatMap((p) => [
    ...Array.from({ length: p.yes }, () => ({ group: p.group, anonymous: true as const, yes: true })),
    ...Array.from({ length: p.partly + p.no }, () => ({
      group: p.group,
      anonymous: true as const,
      yes: false,
    })),
  ]);
  // Coordinators see aggregates only, so every answer is folded as if anonymous.
  const folded = foldFigure(answers, "aggregates");
  const count = (as: Listened[]) => ({ yes: as.filter((a) => a.yes).length, all: as.length });
  return {
    ...count(folded.counted),
    groups: new Map(folded.groups.map((g) => [g.label, count(g.answers)])),
  };
}

/**
 * "Did you feel your views were listened to?" over the last six closed check-ins, as the share
 * who said yes: overall, and by stakeholder group wherever the one folding rule allows (a
 * group too small to show, or one that would let the rest be worked out, shows as a gap).
 */
export const listened: SectionBuilder = {
  name: "listened",
  build({ core, workstream }: DigestInput) {
    // Coordinators read this, and answer check-ins too: knowing their own answer, they could
    // take it away from a figure of three and learn the other two. So theirs are left out.
    const points = core.store.checkIns.listenedTrend(workstream.id, MEETINGS, true);
    if (points.length === 0) return undefined;
    const meetings = [...new Map(points.map((p) => [p.meetingId, p])).values()].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
    );
    const figures = meetings.map((m) => figureOf(points.filter((p) => p.meetingId === m.meetingId)));
    const rate = (t: { yes: number; all: number } | undefined) =>
      t && t.all > 0 ? t.yes / t.all : undefined;
    const latest = figures.filter((f) => f.all > 0).at(-1);
    const lines = [
      latest
        ? `Everyone: ${sparkline(figures.map(rate))} — at the latest, ${latest.yes} of ${latest.all} said yes (${percent(latest.yes, latest.all)}).`
        : `Everyone: ${sparkline(figures.map(rate))} — fewer than ${SMALL_GROUP} answers at each meeting so far.`,
    ];
    const labels = [...new Set(figures.flatMap((f) => [...f.groups.keys()]))].sort((a, b) =>
      a === FOLDED ? 1 : b === FOLDED ? -1 : figureLabel(a).localeCompare(figureLabel(b)),
    );
    for (const label of labels) {
      const per = figures.map((f) => f.groups.get(label));
      const last = per.filter((t) => t !== undefined).at(-1);
      if (!last) continue;
      lines.push(
        `${figureLabel(label)}: ${sparkline(per.map(rate))} — at the latest, ${percent(last.yes, last.all)}.`,
      );
    }
    return {
      heading: "Felt listened to",
      blocks: [
        {
          kind: "text",
          text: `How many said yes to "Did you feel your views were listened to?" at the last ${meetings.length === 1 ? "meeting" : `${meetings.length} meetings`}, oldest first:`,
        },
        { kind: "list", items: lines },
        {
          kind: "note",
          text: `▁ is nobody and █ is everyone. ${GAP} means too few answers in that group to show without pointing at someone.`,
        },
      ],
    };
  },
};
