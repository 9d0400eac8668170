import { DateTime } from "luxon";
import type { Db } from "../adapters/sqlite/open.ts";
import { createSqliteStore } from "../adapters/sqlite/store.ts";
import type { Core } from "../src/ports/core.ts";
import { silentLogger } from "../src/ports/logger.ts";
import { decisionLog } from "../src/use-cases/list-decisions.ts";
import { outcomes } from "../src/use-cases/outcomes.ts";
import type { ExportTable } from "./export-workstream.ts";

/** Whether the database has the decision log (a database from before migration 016 has not). */
export function hasDecisionLog(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'").get() !== undefined
  );
}

/** A core over the database for reading with the use cases: it sends nothing and logs nothing. */
export function exportCore(db: Db, zone: string): Core {
  return {
    store: createSqliteStore(db),
    clock: { now: () => new Date() },
    log: silentLogger,
    defaultTimezone: zone,
    gateways: new Map(),
    outboxRetentionDays: 30,
  };
}

/**
 * The decision log and "You said, we did" (PRODUCT.md §12) for one workstream, from the same
 * use cases `/decision list` and `/outcomes` use: outcomes carry no names, questions and support
 * requests only as counts. A database from before migration 016 has neither table.
 */
export function decisionTables(db: Db, workstreamId: number, zone: string): ExportTable[] {
  if (!hasDecisionLog(db)) return [];
  const core = exportCore(db, zone);
  const when = (at: Date | null) =>
    at === null ? "" : (DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm") ?? "");
  const log = decisionLog(core, workstreamId);
  const rows = outcomes(core, workstreamId);
  return [
    {
      name: "decisions",
      title: "Decision log",
      columns: [
        "Id",
        "Decision",
        "Made",
        "Meeting",
        "Brought to the group at",
        "Brought",
        "Dissent",
        "Recorded by",
        "Decided at",
      ],
      rows: log.map((d) => [
        d.id,
        d.text,
        d.made === "outside" ? "outside a meeting" : "in a meeting",
        d.meeting,
        d.broughtTo,
        d.made === "outside" ? (d.brought ? "yes" : "not yet") : "",
        d.dissent.join(" "),
        d.recordedBy,
        when(d.decidedAt),
      ]),
    },
    {
      name: "outcomes",
      title: "You said, we did",
      columns: ["Kind", "Id", "What was raised", "Raised at", "Open", "Open since", "What happened"],
      rows: rows.map((r) => [
        r.kind,
        r.id,
        r.item,
        when(r.raisedAt),
        r.open ? "yes" : "no",
        when(r.openSince),
        r.happened,
      ]),
    },
  ];
}
