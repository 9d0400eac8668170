import { SMALL_GROUP } from "../../domain/check-in-summary.ts";
import { formatId } from "../../domain/ids.ts";
import { GAP, sparkline } from "../../domain/sparkline.ts";
import { type DigestInput, percent, type SectionBuilder } from "./section.ts";

const MEETINGS = 6;

/**
 * "Did you feel your views were listened to?" over the last six meetings' check-ins, as the
 * share who said yes: overall, and by stakeholder group wherever a group gave at least three
 * answers at a meeting (fewer could pick people out, so those show as a gap).
 */
export const listened: SectionBuilder = {
  name: "listened",
  build({ core, workstream }: DigestInput) {
    const points = core.store.checkIns.listenedTrend(workstream.id, MEETINGS);
    if (points.length === 0) return undefined;
    const meetings = [...new Map(points.map((p) => [p.meetingId, p])).values()].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
    );
    const tally = (ps: typeof points) => {
      const yes = ps.reduce((n, p) => n + p.yes, 0);
      const all = ps.reduce((n, p) => n + p.yes + p.partly + p.no, 0);
      return { yes, all };
    };
    const overall = meetings.map((m) => tally(points.filter((p) => p.meetingId === m.meetingId)));
    // Coordinators see aggregates only: a meeting with one or two answers would show those people's.
    const latest = overall.filter((t) => t.all >= SMALL_GROUP).at(-1) ?? { yes: 0, all: 0 };
    const last = meetings.at(-1);
    const first = meetings[0];
    const span =
      first && last && first !== last
        ? `${formatId("meeting", first.meetingSeq)} to ${formatId("meeting", last.meetingSeq)}`
        : last
          ? formatId("meeting", last.meetingSeq)
          : "";
    const trend = sparkline(overall.map((t) => (t.all >= SMALL_GROUP ? t.yes / t.all : undefined)));
    const lines = [
      latest.all > 0
        ? `Everyone: ${trend} — latest ${percent(latest.yes, latest.all)} (${latest.yes} of ${latest.all} said yes).`
        : `Everyone: ${trend} — fewer than ${SMALL_GROUP} answers at each meeting so far.`,
    ];
    const groups = [...new Set(points.map((p) => p.group))].sort();
    for (const group of groups) {
      const per = meetings.map((m) =>
        tally(points.filter((p) => p.meetingId === m.meetingId && p.group === group)),
      );
      const shown = per.map((t) => (t.all >= SMALL_GROUP ? t.yes / t.all : undefined));
      if (shown.every((r) => r === undefined)) continue;
      const lastShown = per.filter((t) => t.all >= SMALL_GROUP).at(-1) ?? { yes: 0, all: 0 };
      lines.push(`${group}: ${sparkline(shown)} — latest ${percent(lastShown.yes, lastShown.all)}.`);
    }
    return {
      heading: "Felt listened to",
      blocks: [
        { kind: "text", text: `Share who said yes at each meeting, oldest first (${span}):` },
        { kind: "list", items: lines },
        {
          kind: "note",
          text: `▁ is nobody and █ is everyone. ${GAP} means fewer than ${SMALL_GROUP} answers in that group, so it isn't shown.`,
        },
      ],
    };
  },
};
