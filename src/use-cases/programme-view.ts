import { figureLabel, SMALL_GROUP } from "../domain/anonymity.ts";
import { em, rich, type Text } from "../domain/rich-text.ts";
import { GAP, sparkline } from "../domain/sparkline.ts";
import type { Block } from "../messages/message.ts";
import { percent, plural } from "./digest/section.ts";
import { capitalise } from "./people.ts";
import type { MonthFigures, ProgrammeFigures, ScopeFigures } from "./programme-figures.ts";
import { type GroupShares, labelsOf } from "./programme-shares.ts";

/** "75% (6 of 8)", or what stands in when there is nothing to count. */
function share(part: number, whole: number, none: string): string {
  return whole === 0 ? none : `${percent(part, whole)} (${part} of ${whole})`;
}

/** One workstream's (or the whole programme's) figures as one line. */
export function scopeLine(s: ScopeFigures): Text {
  const few = s.responses.invited === 0 ? "no check-ins yet" : "too few answers";
  const counts = s.counts.map((c) => `${c.label.split(" (")[0]?.toLowerCase()}: ${c.value}`).join("; ");
  return rich`${em(s.name)}${s.closed ? " (closed)" : ""}: ${plural(s.meetingsHeld, "meeting")} held, ${s.meetingsPlanned} planned; papers on time: ${share(s.papers.onTime, s.papers.sent, "none sent")}; check-ins answered: ${share(s.responses.answered, s.responses.invited, "none closed")}; felt listened to: ${share(s.listened.all.yes, s.listened.all.all, few)}; able to say what they wanted: ${share(s.spoke.all.yes, s.spoke.all.all, few)}; ${counts}.`;
}

/** A question's monthly trend, overall and by group, as sparklines with the latest figure. */
function trendLines(months: MonthFigures[], pick: (m: MonthFigures) => GroupShares): Text[] {
  const figures = months.map(pick);
  const rate = (s: { yes: number; all: number } | undefined) => (s && s.all > 0 ? s.yes / s.all : undefined);
  const latest = (per: Array<{ yes: number; all: number } | undefined>) => {
    const last = per.filter((s) => s && s.all > 0).at(-1);
    return last ? `at the latest, ${percent(last.yes, last.all)}` : `fewer than ${SMALL_GROUP} answers`;
  };
  const everyone = figures.map((f) => f.all);
  return [
    `Everyone: ${sparkline(everyone.map(rate))} — ${latest(everyone)}.`,
    ...labelsOf(figures).map((label) => {
      const per = figures.map((f) => f.groups.get(label));
      return `${capitalise(figureLabel(label))}: ${sparkline(per.map(rate))} — ${latest(per)}.`;
    }),
  ];
}

/**
 * The programme view's blocks (PRODUCT.md §14), shared by `/programme` and the programme
 * digest: the whole programme, each workstream, and the trends by stakeholder group. Only
 * totals: the figures hold no names, comments or answers.
 */
export function programmeBlocks(f: ProgrammeFigures): Block[] {
  const months = f.months.length;
  const span = `${f.months[0]?.label ?? ""} to ${f.months.at(-1)?.label ?? ""}`;
  const blocks: Block[] = [
    { kind: "heading", text: "The whole programme" },
    { kind: "list", items: [scopeLine(f.whole)] },
    { kind: "heading", text: "Each workstream" },
  ];
  blocks.push(
    f.workstreams.length > 0
      ? { kind: "list", items: f.workstreams.map(scopeLine) }
      : { kind: "text", text: "No workstreams have joined yet." },
  );
  blocks.push(
    { kind: "heading", text: "Felt listened to, by group" },
    {
      kind: "text",
      text: `How many said yes to "Did you feel your views were listened to?", month by month over the last ${months} months (${span}):`,
    },
    { kind: "list", items: trendLines(f.months, (m) => m.listened) },
    { kind: "heading", text: "Able to say what they wanted, by group" },
    {
      kind: "text",
      text: `How many said "fully" to "Were you able to say what you wanted to?", month by month (${span}):`,
    },
    { kind: "list", items: trendLines(f.months, (m) => m.spoke) },
    {
      kind: "note",
      text: `The figures for the whole programme and each workstream are for the last 3 months. In the trends, ▁ is nobody and █ is everyone; ${GAP} is a month with too few answers to show. Only totals are shown, never a name, a comment or an answer: a group with fewer than ${SMALL_GROUP} answers at a meeting is counted under "other groups".`,
    },
  );
  return blocks;
}
