import { SMALL_GROUP } from "../domain/anonymity.ts";
import type { Dissent } from "../domain/dissent.ts";
import { formatId } from "../domain/ids.ts";
import { formatDay } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";
import type { OutcomeParked, OutcomeSuggestion } from "../ports/outcome-facts.ts";

/**
 * One line of "You said, we did" (PRODUCT.md §12), as plain data: something members raised and
 * what happened to it. Never a name; questions on papers and support requests only as counts.
 */
export interface OutcomeRow {
  kind: "dissent" | "parked" | "suggestion" | "suggestions" | "questions" | "support";
  /** D-4, P-2, A-3; "" for a line that counts several items. */
  id: string;
  /** What was raised (the view, the parked issue, the suggestion), or what is counted. */
  item: string;
  raisedAt: Date;
  /** Still waiting for an outcome. */
  open: boolean;
  /** Since when it has been waiting (the oldest, for a count); null once it has an outcome. */
  openSince: Date | null;
  /** What happened, in plain words: decided (with DC-n), resolved, dropped with the reason, still open since … */
  happened: string;
}

/** "You said, we did" for a workstream: still open first, oldest first; then the rest, oldest first. */
export function outcomes(core: Core, workstreamId: number): OutcomeRow[] {
  const workstream = core.store.workstreams.byId(workstreamId);
  if (!workstream) return [];
  const zone = workstream.settings.timezone;
  const day = (at: Date) => formatDay(at, zone);
  const facts = core.store.outcomeFacts;
  const parked = facts.parked(workstreamId);
  const rows: OutcomeRow[] = [];

  for (const dissent of core.store.dissent.list(workstreamId)) {
    rows.push(dissentRow(core, dissent, parked, day));
  }
  for (const item of parked.filter((p) => p.fromDissentId === null)) {
    rows.push({
      kind: "parked",
      id: formatId("parked", item.seq),
      item: item.title,
      raisedAt: item.parkedAt,
      ...parkedOutcome(item, day, ""),
    });
  }
  rows.push(...suggestionRows(core, facts.suggestions(workstreamId), day));
  for (const q of facts.questions(workstreamId)) {
    const meeting = core.store.meetings.byId(q.meetingId);
    const waiting = q.asked - q.answered;
    rows.push({
      kind: "questions",
      id: "",
      item: `${count(q.asked, "question")} on the papers for ${meeting ? `${formatId("meeting", meeting.seq)} ${meeting.title}` : "a meeting"}`,
      raisedAt: q.firstAskedAt,
      open: waiting > 0,
      openSince: q.oldestOpenAt,
      happened:
        waiting === 0
          ? q.asked === 1
            ? "Answered by the chair"
            : "All answered by the chair"
          : `${q.answered} answered; ${waiting} still waiting for an answer, since ${day(q.oldestOpenAt ?? q.firstAskedAt)}`,
    });
  }
  const support = facts.support(workstreamId);
  if (support.total > 0 && support.firstAt) {
    // Counts this small are not shown, as with every figure (PRODUCT.md §15): members must not
    // be able to guess who asked.
    const small = support.total < SMALL_GROUP;
    rows.push({
      kind: "support",
      id: "",
      item: small ? `Fewer than ${SMALL_GROUP} support requests` : `${support.total} support requests`,
      raisedAt: support.firstAt,
      open: !small && support.open > 0,
      openSince: !small && support.open > 0 ? support.oldestOpenAt : null,
      happened: small
        ? "Each is dealt with privately by the coordinator"
        : `${support.total - support.open} dealt with by the coordinator${support.open > 0 ? `; ${support.open} still open` : ""}`,
    });
  }
  const since = (r: OutcomeRow) => (r.openSince ?? r.raisedAt).getTime();
  const open = rows.filter((r) => r.open).sort((a, b) => since(a) - since(b));
  const done = rows.filter((r) => !r.open).sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime());
  return [...open, ...done];
}

function dissentRow(
  core: Core,
  dissent: Dissent,
  parked: OutcomeParked[],
  day: (at: Date) => string,
): OutcomeRow {
  const base = {
    kind: "dissent" as const,
    id: formatId("dissent", dissent.seq),
    item: dissent.view,
    raisedAt: dissent.recordedAt,
  };
  const decided = core.store.decisions.forDissent(dissent.id).map((d) => formatId("decision", d.seq));
  if (decided.length > 0)
    return {
      ...base,
      open: false,
      openSince: null,
      happened: `Decided (${decided.join(", ")}), with this view recorded alongside the decision`,
    };
  if (dissent.status === "withdrawn")
    return { ...base, open: false, openSince: null, happened: "Withdrawn by the person who raised it" };
  const asParked = parked.filter((p) => p.fromDissentId === dissent.id).at(-1);
  if (asParked)
    return { ...base, ...parkedOutcome(asParked, day, `Parked as ${formatId("parked", asParked.seq)}`) };
  return {
    ...base,
    open: true,
    openSince: dissent.recordedAt,
    happened: `Still open since ${day(dissent.recordedAt)}`,
  };
}

function parkedOutcome(
  item: OutcomeParked,
  day: (at: Date) => string,
  lead: string,
): Pick<OutcomeRow, "open" | "openSince" | "happened"> {
  const then = lead ? `${lead}, then ` : "";
  if (item.status === "resolved")
    return {
      open: false,
      openSince: null,
      happened: `${then}${then ? "resolved" : "Resolved"}: ${item.outcome ?? ""}`,
    };
  if (item.status === "dropped")
    return {
      open: false,
      openSince: null,
      happened: `${then}${then ? "dropped" : "Dropped"}: ${item.outcome ?? ""}`,
    };
  const back = item.revisitOn ? `; back for another look on ${day(item.revisitOn)}` : "";
  return {
    open: true,
    openSince: item.parkedAt,
    happened: `${lead ? `${lead}; still` : "Still"} open since ${day(item.parkedAt)}${back}`,
  };
}

/**
 * Accepted suggestions by their A-n and words (they were on the agenda for everyone to see);
 * declined ones and those still waiting only as counts, since only the chairs saw them.
 */
function suggestionRows(core: Core, all: OutcomeSuggestion[], day: (at: Date) => string): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  for (const s of all.filter((x) => x.seq !== null && (x.status === "listed" || x.status === "dropped"))) {
    const meeting = core.store.meetings.byId(s.meetingId);
    const name = meeting ? `${formatId("meeting", meeting.seq)} ${meeting.title}` : "a meeting";
    const base = {
      kind: "suggestion" as const,
      id: formatId("agenda", s.seq ?? 0),
      item: s.text,
      raisedAt: s.createdAt,
    };
    if (s.status === "dropped") {
      rows.push({
        ...base,
        open: false,
        openSince: null,
        happened: "Accepted, then taken off the agenda by the chair",
      });
    } else if (meeting?.status === "ended") {
      rows.push({
        ...base,
        open: false,
        openSince: null,
        happened: `Accepted and discussed at ${name} on ${day(meeting.startsAt)}`,
      });
    } else if (meeting?.status === "cancelled") {
      rows.push({
        ...base,
        open: true,
        openSince: s.createdAt,
        happened: `Accepted for ${name}, which was cancelled; still to be discussed`,
      });
    } else {
      const when = meeting ? ` on ${day(meeting.startsAt)}` : "";
      rows.push({
        ...base,
        open: false,
        openSince: null,
        happened: `Accepted: on the agenda for ${name}${when}`,
      });
    }
  }
  const declined = all.filter((x) => x.status === "declined");
  if (declined.length > 0) {
    rows.push({
      kind: "suggestions",
      id: "",
      item: `${count(declined.length, "agenda suggestion")} not taken up`,
      raisedAt: declined[0]?.createdAt ?? new Date(0),
      open: false,
      openSince: null,
      happened: "Declined by the chair; each person who suggested one was told why, if a reason was given",
    });
  }
  const waiting = all.filter((x) => x.status === "suggested");
  if (waiting.length > 0) {
    const oldest = waiting[0]?.createdAt ?? new Date(0);
    rows.push({
      kind: "suggestions",
      id: "",
      item: `${count(waiting.length, "agenda suggestion")} waiting for the chair's answer`,
      raisedAt: oldest,
      open: true,
      openSince: oldest,
      happened: `Still open since ${day(oldest)}`,
    });
  }
  return rows;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
