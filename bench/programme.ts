import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { programmeReportHtml } from "../adapters/report/report-html.ts";
import { migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { createSqliteStore } from "../adapters/sqlite/store.ts";
import { defaultSettings } from "../src/domain/settings.ts";
import type { Core } from "../src/ports/core.ts";
import { silentLogger } from "../src/ports/logger.ts";
import { buildDigest } from "../src/use-cases/build-digest.ts";
import { programmeFigures } from "../src/use-cases/programme-figures.ts";
import { seedHistory } from "./helpers/seed-history.ts";
import { figure, heading, median, ratio, remember } from "./report.ts";

const NOW = new Date("2026-12-08T10:00:00Z");
const ROUNDS = 7;

function timed(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Issue 20: the programme figures for 17 workstreams × 25 members × a year of history, against
 * one workstream's coordinator digest computed on the same database in the same run.
 */
export async function programmeBench() {
  heading("5. Programme figures (17 workstreams × 25 members × 1 year)");
  const dir = mkdtempSync(join(tmpdir(), "cp-programme-"));
  const db = openDatabase(join(dir, "programme.db"));
  try {
    migrate(db);
    const counts = seedHistory(db, { workstreams: 17, members: 25, years: 1, now: NOW });
    db.pragma("optimize");
    const store = createSqliteStore(db);
    const core: Core = {
      store,
      clock: { now: () => NOW },
      log: silentLogger,
      defaultTimezone: "Europe/London",
      gateways: new Map(),
      outboxRetentionDays: 30,
    };
    const programme = store.programmes.create({
      name: "Bench programme",
      channel: "slack:T1:CPROG",
      settings: defaultSettings("Europe/London"),
      now: NOW,
    });
    for (const ws of store.workstreams.all()) store.programmes.addWorkstream(programme.id, ws.id, NOW);
    const workstreams = store.programmes.workstreams(programme.id);
    const first = workstreams[0];
    const reader = first && store.members.list(first.id)[0];
    if (!first || !reader) throw new Error("nothing seeded");
    console.log(
      `  ${workstreams.length} workstreams: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}`,
    );
    const view = (months: number) =>
      programmeFigures(core, programme.name, workstreams, { now: NOW, zone: "Europe/London", months });
    // One warm-up each, then the median of ROUNDS.
    buildDigest(core, first, reader, NOW);
    view(12);
    const digestMs = median(
      Array.from({ length: ROUNDS }, () => timed(() => buildDigest(core, first, reader, NOW))),
    );
    const viewMs = median(Array.from({ length: ROUNDS }, () => timed(() => view(6))));
    const yearMs = median(Array.from({ length: ROUNDS }, () => timed(() => view(12))));
    const figures = view(12);
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await programmeReportHtml(figures, "programme");
      renders.push(performance.now() - t);
    }
    figure("baseline: one workstream's digest, median", digestMs, "ms");
    figure("programme view figures (6 months), median", viewMs, "ms");
    figure("report figures (12 months), median", yearMs, "ms");
    figure("report HTML with 5 charts (vega), median of 3", median(renders), "ms");
    // 17 workstreams should cost no more than 17 single-workstream digests.
    const r = yearMs / digestMs;
    ratio("report figures / one digest", r, workstreams.length);
    remember("programme figures 17 × 25 × 1 year", `${yearMs.toFixed(1)} ms (${r.toFixed(1)}× one digest)`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
