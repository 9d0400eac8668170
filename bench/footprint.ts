import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopBot } from "../test/helpers/reliability-bot.ts";
import type { Child } from "./helpers/child.ts";
import { rssMb } from "./helpers/child.ts";
import { startLikeNpmStart, startScript } from "./helpers/start-script.ts";
import { figure, heading, median, ratio, remember, round } from "./report.ts";
import { timeTicks } from "./scheduler-scale.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const COMPILED = "compiled (npm start)";
const RUNS = 4;
const IDLE_MS = 3000;
/** V8 shrinks its heap once allocation has been quiet for several seconds (its memory reducer). */
const SETTLED_MS = 15_000;
/** The targets: ready in under a second, idle under 100 MB. */
const READY_TARGET_MS = 1000;
const RSS_TARGET_MB = 100;

/**
 * tsc's output, one file per module, as `npm start` ran it before the bundle (scripts/build.ts):
 * built into `dir` with migrations/ and node_modules/ beside it, so the two compare in one run.
 */
function buildUnbundled(dir: string): string {
  const out = join(dir, "tsc");
  execFileSync(
    join(ROOT, "node_modules/.bin/tsc"),
    [
      "-p",
      join(ROOT, "tsconfig.json"),
      "--noEmit",
      "false",
      "--outDir",
      out,
      "--rootDir",
      ROOT,
      "--rewriteRelativeImportExtensions",
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, "migrations"), join(out, "migrations"));
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"));
  return join(out, "src/main.js");
}

/**
 * How the bot is started: what `npm start` runs (its environment and node flags, from
 * package.json), the same bundle with no flags, tsc's unbundled output with npm start's flags,
 * and the ways it could be run from sources.
 */
function modes(unbundled: string): Array<{ name: string; args: string[]; env?: Record<string, string> }> {
  const start = startScript();
  const list: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
    { name: COMPILED, args: start.args, env: start.env },
    { name: "node dist (no flags)", args: [join(ROOT, "dist/src/main.js")] },
    {
      name: "tsc's files, unbundled (before), npm start's flags",
      args: start.args.map((a) => (a.endsWith("dist/src/main.js") ? unbundled : a)),
      env: start.env,
    },
    { name: "tsx", args: ["--import", "tsx", join(ROOT, "src/main.ts")] },
  ];
  // Node's own type stripping (unflagged from 22.18 / 23.6): shown where this Node has it.
  const features = process.features as { typescript?: string | false };
  if (features.typescript) list.push({ name: "type stripping", args: [join(ROOT, "src/main.ts")] });
  return list;
}

const range = (values: number[]) =>
  `${round(Math.min(...values))}–${round(Math.max(...values))} (median ${round(median(values))})`;

/**
 * Start-up time to ready (spawn until GET /health is 200, Slack over HTTP) and resident memory
 * after 3 s idle, for each way of starting, on an empty database and on the large data set
 * (100 × 50 × 3 years). Modes alternate within each round so the machine's noise falls on all
 * of them; the 1-minute load average is printed with each range.
 */
export async function footprint(api: Child, seeded?: string) {
  heading(`4. Footprint (Slack over HTTP, ${RUNS} runs per mode, Node ${process.version})`);
  // What `npm start` does first (prestart): compile to dist/.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "cp-footprint-"));
  try {
    const unbundled = buildUnbundled(dir);
    const large = seeded && existsSync(seeded) ? seeded : join(dir, "large.db");
    if (large !== seeded) await timeTicks({ workstreams: 100, members: 50, years: 3 }, large);
    for (const [dbName, path] of [
      ["empty database", join(dir, "empty.db")],
      ["100 × 50 × 3 years", large],
    ] as const) {
      const results = new Map(
        modes(unbundled).map((m) => [m.name, { ready: [] as number[], rss: [] as number[] }]),
      );
      const loads: number[] = [];
      let settled: number | undefined;
      for (let i = 0; i < RUNS; i++) {
        for (const mode of modes(unbundled)) {
          loads.push(loadavg()[0] as number);
          const bot = await startLikeNpmStart({
            databasePath: path,
            apiUrl: String(api.ready.apiUrl),
            way: { env: mode.env ?? {}, args: mode.args },
          });
          await new Promise((r) => setTimeout(r, IDLE_MS));
          const rss = await rssMb(bot.child.pid as number);
          if (i === RUNS - 1 && mode.name === COMPILED) {
            await new Promise((r) => setTimeout(r, SETTLED_MS - IDLE_MS));
            settled = await rssMb(bot.child.pid as number);
          }
          await stopBot(bot.child);
          const r = results.get(mode.name);
          r?.ready.push(bot.readyMs);
          if (rss !== undefined) r?.rss.push(rss);
        }
      }
      console.log(`  ${dbName} (load average ${range(loads)})`);
      for (const [name, r] of results) {
        figure(`  ${name}: start-up to ready`, range(r.ready), "ms");
        figure(`  ${name}: idle RSS after 3 s`, range(r.rss), "MB");
      }
      const compiled = results.get(COMPILED);
      const tsx = results.get("tsx");
      if (compiled && tsx) {
        figure("  compiled: RSS after 15 s idle (last run)", settled, "MB");
        figure("  ready ratio compiled / tsx (medians)", median(compiled.ready) / median(tsx.ready));
        figure("  RSS ratio compiled / tsx (medians)", median(compiled.rss) / median(tsx.rss));
        ratio(`  compiled ready / ${READY_TARGET_MS} ms target`, median(compiled.ready) / READY_TARGET_MS, 1);
        ratio(`  compiled RSS / ${RSS_TARGET_MB} MB target`, median(compiled.rss) / RSS_TARGET_MB, 1);
        remember(
          `start-up / idle RSS (npm start), ${dbName}`,
          `${median(compiled.ready).toFixed(0)} ms / ${median(compiled.rss).toFixed(0)} MB (load ${round(median(loads))})`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
