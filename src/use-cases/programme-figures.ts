import { DateTime } from "luxon";
import type { Workstream } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";
import type { CheckInAnswerCounts } from "../ports/programme-store.ts";
import { COUNT_FIGURES } from "./programme-counts.ts";
import { addShares, checkInShares, emptyShares, type GroupShares } from "./programme-shares.ts";

/** The recent figures cover this many months back from now; planned meetings as far ahead. */
export const RECENT_MONTHS = 3;

/** The figures of one workstream, or of the whole programme (the sum of its workstreams'). */
export interface ScopeFigures {
  name: string;
  /** A workstream that has closed (PRODUCT.md §13): its figures still count, marked closed. */
  closed?: boolean;
  meetingsHeld: number;
  meetingsPlanned: number;
  papers: { onTime: number; sent: number };
  responses: { answered: number; invited: number };
  /** "Did you feel your views were listened to?": yes. */
  listened: GroupShares;
  /** "Were you able to say what you wanted?": fully. */
  spoke: GroupShares;
  /** COUNT_FIGURES, in order. */
  counts: Array<{ name: string; label: string; value: number }>;
}

/** One calendar month of the whole programme, for trends. */
export interface MonthFigures {
  /** `2026-11` */
  key: string;
  /** `Nov 2026` */
  label: string;
  papers: { onTime: number; sent: number };
  responses: { answered: number; invited: number };
  listened: GroupShares;
  spoke: GroupShares;
}

export interface ProgrammeFigures {
  title: string;
  now: Date;
  zone: string;
  /** Start of the recent window (RECENT_MONTHS back). */
  recentFrom: Date;
  workstreams: ScopeFigures[];
  whole: ScopeFigures;
  /** Oldest first, ending with the current month. */
  months: MonthFigures[];
}

/**
 * The programme figures (PRODUCT.md §14) for a set of workstreams: per workstream over the last
 * RECENT_MONTHS, the same summed for the whole programme, and the programme's monthly trends.
 * Only counts: answers enter solely through checkInShares, one closed check-in at a time.
 */
export function programmeFigures(
  core: Core,
  title: string,
  workstreams: Workstream[],
  at: { now: Date; zone: string; months: number; wholeName?: string },
): ProgrammeFigures {
  const { now, zone } = at;
  const facts = core.store.programmeFacts;
  const ids = workstreams.map((w) => w.id);
  const local = DateTime.fromJSDate(now, { zone });
  const recentFrom = local.minus({ months: RECENT_MONTHS }).toJSDate();
  const monthStarts = Array.from({ length: at.months }, (_, i) =>
    local.startOf("month").minus({ months: at.months - 1 - i }),
  );
  const from = new Date(Math.min(recentFrom.getTime(), (monthStarts[0] ?? local).toJSDate().getTime()));
  const ahead = local.plus({ months: RECENT_MONTHS }).toJSDate();

  const meetings = facts.meetings(ids, from, ahead);
  const papers = facts.papersSent(ids, from, now);
  const responses = facts.responses(ids, from, now);
  const shares = checkInFigures(facts.answerCounts(ids, from, now));

  const recent = (d: Date) => d >= recentFrom && d < now;
  const scope = (name: string, wsIds: Set<number>, counts: ScopeFigures["counts"]): ScopeFigures => {
    const mine = <T extends { workstreamId: number; startsAt: Date }>(rows: T[]) =>
      rows.filter((r) => wsIds.has(r.workstreamId) && recent(r.startsAt));
    return {
      name,
      meetingsHeld: mine(meetings).length,
      meetingsPlanned: meetings.filter((m) => wsIds.has(m.workstreamId) && m.startsAt >= now).length,
      papers: papersOf(mine(papers)),
      responses: responsesOf(mine(responses)),
      ...sharesOf(mine(shares)),
      counts,
    };
  };
  const asAt = (w: Workstream) => (w.closedAt && w.closedAt < now ? w.closedAt : now);
  const perWorkstream = workstreams.map((w) => ({
    ...scope(
      w.name,
      new Set([w.id]),
      // A closed workstream's counts as they stood when it closed: nothing falls overdue after.
      COUNT_FIGURES.map((f) => ({ name: f.name, label: f.label, value: f.count(core, w, asAt(w)) })),
    ),
    ...(w.closedAt ? { closed: true } : {}),
  }));
  const totals = COUNT_FIGURES.map((f, i) => ({
    name: f.name,
    label: f.label,
    value: perWorkstream.reduce((sum, w) => sum + (w.counts[i]?.value ?? 0), 0),
  }));
  const months = monthStarts.map((start): MonthFigures => {
    const end = start.plus({ months: 1 }).toJSDate();
    const inMonth = <T extends { startsAt: Date }>(rows: T[]) =>
      rows.filter((r) => r.startsAt >= start.toJSDate() && r.startsAt < end);
    return {
      key: start.toFormat("yyyy-MM"),
      label: start.toFormat("LLL yyyy"),
      papers: papersOf(inMonth(papers)),
      responses: responsesOf(inMonth(responses)),
      ...sharesOf(inMonth(shares)),
    };
  });
  return {
    title,
    now,
    zone,
    recentFrom,
    workstreams: perWorkstream,
    whole: scope(at.wholeName ?? "Whole programme", new Set(ids), totals),
    months,
  };
}

interface CheckInFigure {
  workstreamId: number;
  startsAt: Date;
  listened: GroupShares;
  spoke: GroupShares;
}

/** Each closed check-in's two trend figures, folded on their own (see checkInShares). */
function checkInFigures(rows: CheckInAnswerCounts[]): CheckInFigure[] {
  const byCheckIn = new Map<number, CheckInAnswerCounts[]>();
  for (const r of rows) byCheckIn.set(r.checkInId, [...(byCheckIn.get(r.checkInId) ?? []), r]);
  return [...byCheckIn.values()].map((answers) => {
    const first = answers[0] as CheckInAnswerCounts;
    return {
      workstreamId: first.workstreamId,
      startsAt: first.startsAt,
      listened: checkInShares(
        answers
          .filter((a) => a.listened !== null)
          .map((a) => ({ group: a.group, yes: a.listened === "yes", count: a.count })),
      ),
      spoke: checkInShares(
        answers
          .filter((a) => a.spoke !== null)
          .map((a) => ({ group: a.group, yes: a.spoke === "fully", count: a.count })),
      ),
    };
  });
}

function sharesOf(figures: CheckInFigure[]): { listened: GroupShares; spoke: GroupShares } {
  const listened = emptyShares();
  const spoke = emptyShares();
  for (const f of figures) {
    addShares(listened, f.listened);
    addShares(spoke, f.spoke);
  }
  return { listened, spoke };
}

function papersOf(rows: Array<{ late: boolean }>) {
  return { onTime: rows.filter((r) => !r.late).length, sent: rows.length };
}

function responsesOf(rows: Array<{ answered: number; invited: number }>) {
  return {
    answered: rows.reduce((n, r) => n + r.answered, 0),
    invited: rows.reduce((n, r) => n + r.invited, 0),
  };
}
