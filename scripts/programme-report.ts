import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { programmeReportHtml } from "../adapters/report/report-html.ts";
import type { Db } from "../adapters/sqlite/open.ts";
import { createSqliteStore } from "../adapters/sqlite/store.ts";
import type { Workstream } from "../src/domain/entities.ts";
import type { Core } from "../src/ports/core.ts";
import type { Logger } from "../src/ports/logger.ts";
import { programmeFigures } from "../src/use-cases/programme-figures.ts";

/** Months of trend the report charts. */
export const REPORT_MONTHS = 12;

/** A report that cannot be written, said plainly. */
export class ReportError extends Error {}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** "Mental health programme" → "mental-health-programme". */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "report"
  );
}

/**
 * What `npm run report` writes: the programme's (or one workstream's) figures as one HTML page
 * with charts. Reads only aggregates through the same figures the programme view uses.
 */
export async function writeReport(
  db: Db,
  target: { programme?: string; workstream?: string; out?: string; now: Date },
): Promise<string> {
  const store = createSqliteStore(db);
  const core: Core = {
    store,
    clock: { now: () => target.now },
    log: quiet,
    defaultTimezone: "Europe/London",
    gateways: new Map(),
    outboxRetentionDays: 30,
  };
  let title: string;
  let workstreams: Workstream[];
  let zone: string;
  let kind: "programme" | "workstream";
  if (target.programme) {
    const programme = store.programmes.byName(target.programme);
    if (!programme) throw new ReportError(`There is no programme called "${target.programme}".`);
    title = programme.name;
    workstreams = store.programmes.workstreams(programme.id);
    zone = programme.settings.timezone;
    kind = "programme";
  } else if (target.workstream) {
    const workstream = store.workstreams.byName(target.workstream);
    if (!workstream) throw new ReportError(`There is no workstream called "${target.workstream}".`);
    title = workstream.name;
    workstreams = [workstream];
    zone = workstream.settings.timezone;
    kind = "workstream";
  } else {
    throw new ReportError(
      'Please name a programme or a workstream, for example: npm run report -- --programme "Mental health programme"',
    );
  }
  const figures = programmeFigures(core, title, workstreams, {
    now: target.now,
    zone,
    months: REPORT_MONTHS,
    ...(kind === "workstream" ? { wholeName: title } : {}),
  });
  const html = await programmeReportHtml(figures, kind);
  const out = target.out ?? join("reports", `${slug(title)}.html`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html, { mode: 0o600 });
  return out;
}
