import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { createCheckInStore } from "../adapters/sqlite/checkin-store.ts";
import type { Db } from "../adapters/sqlite/open.ts";
import { figureLabel } from "../src/domain/anonymity.ts";
import type { ChoiceCounts } from "../src/domain/check-in-summary.ts";
import { SettingsSchema } from "../src/domain/settings.ts";
import { checkInSummary } from "../src/use-cases/check-in-figures.ts";
import { csv } from "./csv.ts";
import { decisionTables } from "./export-decisions.ts";

/** One exported table: a name for its files, a heading, its columns and rows (already text). */
export interface ExportTable {
  name: string;
  title: string;
  columns: string[];
  rows: string[][];
}

/**
 * What `npm run export` writes for one workstream: the dissent register and the parking lot,
 * each with its full history, the glossary when this database has one, the decision log and
 * "You said, we did" (questions and support requests only as counts), and each closed
 * check-in's figures — aggregates only, folded by the same rule as every other figure
 * (PRODUCT.md §10, §15). No answer, comment, name, support request or question is exported.
 */
export function exportTables(db: Db, workstreamName: string): { workstream: string; tables: ExportTable[] } {
  const ws = db
    .prepare("SELECT id, name, settings FROM workstreams WHERE name = ? COLLATE NOCASE")
    .get(workstreamName) as { id: number; name: string; settings: string } | undefined;
  if (!ws) throw new ExportError(`There is no workstream called "${workstreamName}".`);
  const zone = SettingsSchema.parse(JSON.parse(ws.settings)).timezone;
  const when = (ms: number | null) =>
    ms === null ? "" : (DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm") ?? "");
  const day = (ms: number | null) =>
    ms === null ? "" : (DateTime.fromMillis(ms, { zone }).toISODate() ?? "");
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const all = (sql: string) => db.prepare(sql).all(ws.id) as Record<string, number | string | null>[];

  const dissent = all(
    `SELECT d.seq, m.name AS member, d.view, d.status, r.name AS recorded_by, d.recorded_at,
            mt.seq AS meeting_seq, mt.title AS meeting_title
     FROM dissent d JOIN people m ON m.id = d.member_id JOIN people r ON r.id = d.recorded_by
     LEFT JOIN meetings mt ON mt.id = d.meeting_id WHERE d.workstream_id = ? ORDER BY d.seq`,
  );
  const dissentHistory = all(
    `SELECT d.seq, h.event, p.name AS actor, h.at, h.old_view, h.new_view
     FROM dissent_history h JOIN dissent d ON d.id = h.dissent_id JOIN people p ON p.id = h.actor_id
     WHERE d.workstream_id = ? ORDER BY d.seq, h.id`,
  );
  const parked = all(
    `SELECT i.seq, i.title, r.name AS raised_by, b.name AS parked_by, o.name AS owner, i.revisit_on, i.status,
            i.outcome, d.seq AS dissent_seq, i.parked_at, i.closed_at
     FROM parked_items i JOIN people b ON b.id = i.parked_by LEFT JOIN people r ON r.id = i.raised_by
     LEFT JOIN people o ON o.id = i.owner_id LEFT JOIN dissent d ON d.id = i.from_dissent_id
     WHERE i.workstream_id = ? ORDER BY i.seq`,
  );
  const parkedHistory = all(
    `SELECT i.seq, h.event, p.name AS actor, h.at, h.detail, h.old_revisit, h.new_revisit
     FROM parked_history h JOIN parked_items i ON i.id = h.parked_id JOIN people p ON p.id = h.actor_id
     WHERE i.workstream_id = ? ORDER BY i.seq, h.id`,
  );
  const n = (v: unknown) => Number(v);
  const tables: ExportTable[] = [
    {
      name: "dissent",
      title: "Dissent register",
      columns: ["Id", "Member", "View", "Status", "Meeting", "Recorded by", "Recorded at"],
      rows: dissent.map((r) => [
        `D-${r.seq}`,
        text(r.member),
        text(r.view),
        text(r.status),
        r.meeting_seq === null ? "" : `M-${r.meeting_seq} ${text(r.meeting_title)}`,
        text(r.recorded_by),
        when(n(r.recorded_at)),
      ]),
    },
    {
      name: "dissent-history",
      title: "Dissent register: history",
      columns: ["Id", "Event", "By", "At", "Old wording", "New wording"],
      rows: dissentHistory.map((r) => [
        `D-${r.seq}`,
        text(r.event),
        text(r.actor),
        when(n(r.at)),
        text(r.old_view),
        text(r.new_view),
      ]),
    },
    {
      name: "parking-lot",
      title: "Parking lot",
      columns: [
        "Id",
        "Title",
        "Raised by",
        "Parked by",
        "Owner",
        "Revisit on",
        "Status",
        "Outcome or reason",
        "From dissent",
        "Parked at",
        "Closed at",
      ],
      rows: parked.map((r) => [
        `P-${r.seq}`,
        text(r.title),
        text(r.raised_by),
        text(r.parked_by),
        text(r.owner),
        r.revisit_on === null ? "" : day(n(r.revisit_on)),
        text(r.status),
        text(r.outcome),
        r.dissent_seq === null ? "" : `D-${r.dissent_seq}`,
        when(n(r.parked_at)),
        r.closed_at === null ? "" : when(n(r.closed_at)),
      ]),
    },
    {
      name: "parking-lot-history",
      title: "Parking lot: history",
      columns: ["Id", "Event", "By", "At", "Outcome or reason", "Old revisit date", "New revisit date"],
      rows: parkedHistory.map((r) => [
        `P-${r.seq}`,
        text(r.event),
        text(r.actor),
        when(n(r.at)),
        text(r.detail),
        r.old_revisit === null ? "" : day(n(r.old_revisit)),
        r.new_revisit === null ? "" : day(n(r.new_revisit)),
      ]),
    },
  ];
  tables.push(...checkInTables(db, ws.id, day));
  tables.push(...decisionTables(db, ws.id, zone));
  // The glossary arrives in another migration; an older database simply has none to export.
  const hasGlossary = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'glossary_terms'")
    .get();
  if (hasGlossary) {
    const glossary = all(
      `SELECT g.term, g.meaning, p.name AS added_by, g.updated_at FROM glossary_terms g
       LEFT JOIN people p ON p.id = g.added_by WHERE g.workstream_id = ? ORDER BY g.term`,
    );
    tables.push({
      name: "glossary",
      title: "Glossary",
      columns: ["Term", "Plain meaning", "Added by", "Updated at"],
      rows: glossary.map((r) => [text(r.term), text(r.meaning), text(r.added_by), when(n(r.updated_at))]),
    });
  }
  return { workstream: ws.name, tables };
}

/** Closed check-ins' figures as coordinators see them: totals and groups, folded; never comments. */
function checkInTables(db: Db, workstreamId: number, day: (ms: number | null) => string): ExportTable[] {
  const checkIns = createCheckInStore(db);
  const closed = db
    .prepare(
      `SELECT c.id, m.seq, m.title, m.starts_at FROM checkins c JOIN meetings m ON m.id = c.meeting_id
        WHERE c.workstream_id = ? AND c.closed_at IS NOT NULL ORDER BY m.starts_at`,
    )
    .all(workstreamId) as Array<{ id: number; seq: number; title: string; starts_at: number }>;
  const counts = (c: ChoiceCounts | undefined, keys: string[]) => keys.map((k) => String(c?.[k] ?? 0));
  const totals: string[][] = [];
  const groups: string[][] = [];
  for (const row of closed) {
    const checkIn = checkIns.byId(row.id);
    if (!checkIn) continue;
    const s = checkInSummary(checkIns, checkIn, "aggregates");
    const meeting = `M-${row.seq} ${row.title}`;
    const listened = s.questions.listened;
    totals.push([
      meeting,
      day(row.starts_at),
      String(s.invited),
      String(s.answered),
      ...counts(s.questions.attended?.counts, ["yes", "no"]),
      ...counts(s.questions.spoke?.counts, ["fully", "partly", "not-really"]),
      ...counts(listened?.counts, ["yes", "partly", "no"]),
      String(s.heldBack),
    ]);
    for (const g of listened?.byGroup ?? [])
      groups.push([
        meeting,
        figureLabel(g.label),
        String(g.counted),
        ...counts(g.counts, ["yes", "partly", "no"]),
      ]);
  }
  return [
    {
      name: "check-ins",
      title: "Check-ins: totals (fewer than 3 answers are not shown)",
      columns: [
        "Meeting",
        "Date",
        "Invited",
        "Answered",
        "Attended: yes",
        "Attended: no",
        "Able to say what they wanted: fully",
        "partly",
        "not really",
        "Felt listened to: yes",
        "partly",
        "no",
        "Not shown",
      ],
      rows: totals,
    },
    {
      name: "check-ins-by-group",
      title:
        'Check-ins: felt listened to, by stakeholder group (small groups shown together as "other groups")',
      columns: ["Meeting", "Group", "Answers", "Yes", "Partly", "No"],
      rows: groups,
    },
  ];
}

/** Writes each table as `<name>.csv`, and all of them in one `<slug>.md`. Returns the files written. */
export function writeExport(db: Db, workstreamName: string, outDir?: string): string[] {
  const { workstream, tables } = exportTables(db, workstreamName);
  const dir = outDir ?? join("exports", slug(workstream));
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of tables) {
    const path = join(dir, `${table.name}.csv`);
    writeFileSync(path, csv(table.columns, table.rows));
    files.push(path);
  }
  const path = join(dir, `${slug(workstream)}.md`);
  writeFileSync(path, markdown(workstream, tables));
  files.push(path);
  return files;
}

export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "workstream"
  );
}

export function markdown(
  workstream: string,
  tables: ExportTable[],
  heading = "dissent register, parking lot, glossary, check-in figures, decision log and what happened to what members raised",
): string {
  const cell = (v: string) => v.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  const parts = [`# ${workstream}: ${heading}`, ""];
  for (const table of tables) {
    parts.push(`## ${table.title}`, "");
    if (table.rows.length === 0) {
      parts.push("_None._", "");
      continue;
    }
    parts.push(
      `| ${table.columns.map(cell).join(" | ")} |`,
      `|${table.columns.map(() => " --- |").join("")}`,
    );
    for (const row of table.rows) parts.push(`| ${row.map(cell).join(" | ")} |`);
    parts.push("");
  }
  return parts.join("\n");
}

/** A problem the person running the export can fix (a wrong name); printed without a stack. */
export class ExportError extends Error {
  override name = "ExportError";
}
