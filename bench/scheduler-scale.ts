import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdapterDataStore } from "../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { createSqliteStore } from "../adapters/sqlite/store.ts";
import { createBot } from "../src/bot.ts";
import { silentLogger } from "../src/ports/logger.ts";
import { recordQueries } from "./helpers/query-recorder.ts";
import { type HistoryShape, seedHistory } from "./helpers/seed-history.ts";
import { figure, heading, median, ratio, remember } from "./report.ts";

const NOW = new Date("2026-12-08T10:00:00Z");

/** Seeds one shape on a fresh file and times the due-work tick on it (stub gateway). */
export async function timeTicks(shape: Omit<HistoryShape, "now">, keepPath?: string) {
  const dir = mkdtempSync(join(tmpdir(), "cp-scale-"));
  const path = keepPath ?? join(dir, "scale.db");
  const db = openDatabase(path);
  migrate(db);
  const seedStart = performance.now();
  const counts = seedHistory(db, { ...shape, now: NOW });
  const seedMs = performance.now() - seedStart;
  db.pragma("optimize");
  const recorder = recordQueries(db);
  const store = createSqliteStore(db);
  let minutes = 0;
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    // A tick a minute, as the ticker runs them: nothing the core remembers for a minute carries over.
    clock: { now: () => new Date(NOW.getTime() + minutes * 60_000) },
    log: silentLogger,
    defaultTimezone: "Europe/London",
  });
  bot.addGateway({ platform: "slack", send: async () => {} });
  recorder.start();
  let t = performance.now();
  const firstSent = await bot.tick();
  const firstMs = performance.now() - t;
  recorder.stop();
  const steady: number[] = [];
  for (let i = 0; i < 7; i++) {
    minutes++;
    t = performance.now();
    await bot.tick();
    steady.push(performance.now() - t);
  }
  const plans = recorder.plans();
  db.close();
  if (!keepPath) rmSync(dir, { recursive: true, force: true });
  return { counts, seedMs, firstMs, firstSent, steadyMs: median(steady), plans };
}

/**
 * The due-work tick on 10 workstreams × 30 members × 1 year against 100 × 50 × 3 years, with
 * the same work due now in both, and the plan of every query the tick ran.
 */
export async function schedulerScale(largePath?: string) {
  heading("3. Scheduler scale (due-work tick, stub gateway)");
  const small = await timeTicks({ workstreams: 10, members: 30, years: 1 });
  const large = await timeTicks({ workstreams: 100, members: 50, years: 3 }, largePath);
  for (const [name, r] of [
    ["10 × 30 × 1 year", small],
    ["100 × 50 × 3 years", large],
  ] as const) {
    const rows = Object.entries(r.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ");
    console.log(`  ${name}: ${rows} (seeded in ${(r.seedMs / 1000).toFixed(1)} s)`);
    figure(`${name}: first tick (queues ${r.firstSent} messages)`, r.firstMs, "ms");
    figure(`${name}: steady tick, median of 7`, r.steadyMs, "ms");
  }
  const steadyRatio = large.steadyMs / small.steadyMs;
  ratio("steady tick ratio large / small", steadyRatio, 3);
  figure("first tick ratio large / small (no target)", large.firstMs / small.firstMs);
  remember(
    "scheduler tick small / large",
    `${small.steadyMs.toFixed(1)} / ${large.steadyMs.toFixed(1)} ms (ratio ${steadyRatio.toFixed(2)})`,
  );
  console.log("  EXPLAIN QUERY PLAN of every query the tick ran (large data set):");
  const scans: string[] = [];
  for (const { sql, plan } of large.plans) {
    console.log(`    ${sql.length > 150 ? `${sql.slice(0, 147)}...` : sql}`);
    for (const line of plan) {
      const fullScan = /^SCAN /.test(line) && !/USING/.test(line);
      if (fullScan) scans.push(`${line} ← ${sql.slice(0, 90)}`);
      console.log(`      ${fullScan ? "!! " : ""}${line}`);
    }
  }
  figure("queries run by a tick", large.plans.length);
  figure("full table scans", scans.length);
  for (const s of scans) console.log(`    !! ${s}`);
  remember("scheduler full scans", scans.length === 0 ? "none" : scans.join(" | "));
}
