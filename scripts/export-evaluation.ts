import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { createCheckInStore } from "../adapters/sqlite/checkin-store.ts";
import type { Db } from "../adapters/sqlite/open.ts";
import { createReviewStore } from "../adapters/sqlite/review-store.ts";
import { figureLabel } from "../src/domain/anonymity.ts";
import { PARTS, REVIEW_QUESTIONS } from "../src/domain/review.ts";
import type { Headline } from "../src/domain/review-summary.ts";
import { SettingsSchema } from "../src/domain/settings.ts";
import { checkInSummary } from "../src/use-cases/check-in-figures.ts";
import { decisionLog } from "../src/use-cases/list-decisions.ts";
import { outcomes } from "../src/use-cases/outcomes.ts";
import { reviewTrend } from "../src/use-cases/review-figures.ts";
import { csv } from "./csv.ts";
import { exportCore, hasDecisionLog } from "./export-decisions.ts";
import { ExportError, type ExportTable, markdown, slug } from "./export-workstream.ts";

/**
 * `npm run export -- --workstream <name> --evaluation`: the evaluation report (PRODUCT.md §13
 * "Closing") — involvement over time, check-in and review trends, the dissent register,
 * decisions and outcomes, and parked items and how each ended. Aggregates only: every figure
 * made from people's answers goes through the one folding rule (audience "aggregates"), and no
 * name, answer or comment is written.
 */
export function evaluationTables(
  db: Db,
  workstreamName: string,
): { workstream: string; tables: ExportTable[] } {
  const ws = db
    .prepare("SELECT id, name, settings FROM workstreams WHERE name = ? COLLATE NOCASE")
    .get(workstreamName) as { id: number; name: string; settings: string } | undefined;
  if (!ws) throw new ExportError(`There is no workstream called "${workstreamName}".`);
  const zone = SettingsSchema.parse(JSON.parse(ws.settings)).timezone;
  const day = (ms: number | null) =>
    ms === null ? "" : (DateTime.fromMillis(ms, { zone }).toISODate() ?? "");
  return {
    workstream: ws.name,
    tables: [
      ...involvementTables(db, ws.id, day),
      ...reviewTables(db, ws.id, day),
      ...dissentTables(db, ws.id),
      ...decisionTables(db, ws.id, zone),
      ...parkedTables(db, ws.id, day),
    ],
  };
}

const pct = (h: Headline | undefined) => (h && h.all > 0 ? `${Math.round((100 * h.high) / h.all)}%` : "");

/** Each closed check-in: how many were members then, asked, answered, came; how they felt heard. */
function involvementTables(db: Db, workstreamId: number, day: (ms: number | null) => string): ExportTable[] {
  const checkIns = createCheckInStore(db);
  const closed = db
    .prepare(
      `SELECT c.id, m.seq, m.title, m.starts_at,
              (SELECT COUNT(*) FROM members x WHERE x.workstream_id = c.workstream_id AND x.joined_at <= m.starts_at
                  AND (x.removed_at IS NULL OR x.removed_at > m.starts_at)) AS members
         FROM checkins c JOIN meetings m ON m.id = c.meeting_id
        WHERE c.workstream_id = ? AND c.closed_at IS NOT NULL ORDER BY m.starts_at`,
    )
    .all(workstreamId) as Array<{
    id: number;
    seq: number;
    title: string;
    starts_at: number;
    members: number;
  }>;
  const involvement: string[][] = [];
  const trends: string[][] = [];
  for (const row of closed) {
    const checkIn = checkIns.byId(row.id);
    if (!checkIn) continue;
    const s = checkInSummary(checkIns, checkIn, "aggregates");
    const meeting = `M-${row.seq} ${row.title}`;
    const share = (counts: Record<string, number> | undefined, key: string, all: number | undefined) =>
      counts && all ? `${Math.round((100 * (counts[key] ?? 0)) / all)}%` : "";
    involvement.push([
      meeting,
      day(row.starts_at),
      String(row.members),
      String(s.invited),
      String(s.answered),
      s.questions.attended?.counted ? String(s.questions.attended.counts.yes ?? 0) : "",
    ]);
    trends.push([
      meeting,
      day(row.starts_at),
      share(s.questions.spoke?.counts, "fully", s.questions.spoke?.counted),
      share(s.questions.listened?.counts, "yes", s.questions.listened?.counted),
      String(s.heldBack),
    ]);
  }
  return [
    {
      name: "involvement",
      title: "Involvement over time",
      columns: ["Meeting", "Date", "Members", "Asked to check in", "Answered", "Said they came"],
      rows: involvement,
    },
    {
      name: "check-in-trends",
      title: "Check-in trends (fewer than 3 answers are not shown)",
      columns: [
        "Meeting",
        "Date",
        "Able to say what they wanted: fully",
        "Felt listened to: yes",
        "Not shown",
      ],
      rows: trends,
    },
  ];
}

/** Every closed review (and the final evaluation): the two headlines, each question's average, by group. */
function reviewTables(db: Db, workstreamId: number, day: (ms: number | null) => string): ExportTable[] {
  const trend = reviewTrend(createReviewStore(db), workstreamId, "export");
  const kind = (k: string) =>
    k === "final" ? "Final evaluation" : k === "started" ? "Review (started by the chair)" : "Review";
  const totals = trend.map(({ review, summary, parts }) => [
    day(review.openedAt.getTime()),
    kind(review.kind),
    String(summary.invited),
    String(summary.answered),
    pct(parts.task),
    pct(parts.process),
    ...REVIEW_QUESTIONS.map((q) => {
      const mean = summary.parts[q.part]?.means[q.id];
      return mean === undefined ? "" : mean.toFixed(1);
    }),
  ]);
  const groups = trend.flatMap(({ review, summary }) =>
    PARTS.flatMap(({ part, label }) =>
      (summary.parts[part]?.byGroup ?? []).map((g) => [
        day(review.openedAt.getTime()),
        label,
        figureLabel(g.label),
        String(g.counted),
        pct(g.headline),
      ]),
    ),
  );
  return [
    {
      name: "review-trends",
      title:
        "Reviews: answers of 4 or 5 out of 5, and each question's average (fewer than 3 answers are not shown)",
      columns: [
        "Sent on",
        "Kind",
        "Asked",
        "Answered",
        "The task: 4 or 5",
        "How we work together: 4 or 5",
        ...REVIEW_QUESTIONS.map((q) => q.text),
      ],
      rows: totals,
    },
    {
      name: "review-trends-by-group",
      title: 'Reviews by stakeholder group (small groups shown together as "other groups")',
      columns: ["Sent on", "Part", "Group", "People", "4 or 5"],
      rows: groups,
    },
  ];
}

/** The dissent register as counts: how views were recorded and how those parked ended. */
function dissentTables(db: Db, workstreamId: number): ExportTable[] {
  const rows = db
    .prepare(
      `SELECT d.status, COALESCE(p.status, '') AS parked, COUNT(*) AS n FROM dissent d
         LEFT JOIN parked_items p ON p.from_dissent_id = d.id
        WHERE d.workstream_id = ? GROUP BY d.status, p.status ORDER BY d.status, p.status`,
    )
    .all(workstreamId) as Array<{ status: string; parked: string; n: number }>;
  const words: Record<string, string> = {
    "awaiting-confirmation": "waiting for the member to confirm",
    confirmed: "confirmed",
    withdrawn: "withdrawn",
  };
  return [
    {
      name: "dissent-register",
      title: "Dissent register: views recorded, and how those parked ended",
      columns: ["Status", "Parked, and how it ended", "Views"],
      rows: rows.map((r) => [words[r.status] ?? r.status, r.parked || "not parked", String(r.n)]),
    },
  ];
}

/**
 * Decisions and "you said, we did" (PRODUCT.md §12), from the same use cases as `/decision list`
 * and `/outcomes`: the decisions as the group's public record without who recorded them, and
 * for what members raised only what happened to it, never their words.
 */
export function decisionTables(db: Db, workstreamId: number, zone: string): ExportTable[] {
  if (!hasDecisionLog(db)) return [];
  const core = exportCore(db, zone);
  const date = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
  const decisions = decisionLog(core, workstreamId).map((d) => [
    d.id,
    d.text,
    date(d.decidedAt),
    d.made === "outside" ? "no" : "yes",
    d.made === "outside" ? (d.brought ? `yes, ${d.broughtTo}` : "not yet") : "",
    String(d.dissent.length),
  ]);
  // What happened to each item, never the words raised; counted lines (questions, support
  // requests, suggestions not taken up) say what they count and no more.
  const raised = outcomes(core, workstreamId).map((o) => [
    o.kind,
    o.id,
    date(o.raisedAt),
    o.open ? "open" : "with an outcome",
    o.id ? o.happened : `${o.item}: ${o.happened}`,
  ]);
  return [
    {
      name: "decisions",
      title: "Decisions and outcomes",
      columns: [
        "Id",
        "Decision",
        "Decided on",
        "Made in a meeting",
        "Brought to the group",
        "Dissent linked",
      ],
      rows: decisions,
    },
    {
      name: "outcomes",
      title: "You said, we did",
      columns: ["Kind", "Id", "Raised on", "Now", "What happened"],
      rows: raised,
    },
  ];
}

/** Each parked item and how it ended, without the names of who raised, parked or owned it. */
function parkedTables(db: Db, workstreamId: number, day: (ms: number | null) => string): ExportTable[] {
  const rows = db
    .prepare(
      `SELECT seq, title, status, outcome, parked_at, closed_at FROM parked_items
        WHERE workstream_id = ? ORDER BY seq`,
    )
    .all(workstreamId) as Array<{
    seq: number;
    title: string;
    status: string;
    outcome: string | null;
    parked_at: number;
    closed_at: number | null;
  }>;
  const ended = (status: string) =>
    status === "resolved" ? "resolved" : status === "dropped" ? "dropped" : "still parked";
  return [
    {
      name: "parked-items",
      title: "Parked items and how each ended",
      columns: ["Id", "Title", "How it ended", "Outcome or reason", "Parked on", "Closed on", "Days parked"],
      rows: rows.map((r) => [
        `P-${r.seq}`,
        r.title,
        ended(r.status),
        r.outcome ?? "",
        day(r.parked_at),
        day(r.closed_at),
        r.closed_at === null ? "" : String(Math.round((r.closed_at - r.parked_at) / 86_400_000)),
      ]),
    },
  ];
}

/** Writes each table as `<name>.csv` and all of them in `<slug>-evaluation.md`. Returns the files. */
export function writeEvaluation(db: Db, workstreamName: string, outDir?: string): string[] {
  const { workstream, tables } = evaluationTables(db, workstreamName);
  const dir = outDir ?? join("exports", `${slug(workstream)}-evaluation`);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of tables) {
    const path = join(dir, `${table.name}.csv`);
    writeFileSync(path, csv(table.columns, table.rows));
    files.push(path);
  }
  const path = join(dir, `${slug(workstream)}-evaluation.md`);
  writeFileSync(path, markdown(workstream, tables, "evaluation report (aggregates only)"));
  files.push(path);
  return files;
}
