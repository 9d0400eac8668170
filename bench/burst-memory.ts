import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERBS } from "../src/commands/catalog.ts";
import { stopBot } from "../test/helpers/reliability-bot.ts";
import type { Child } from "./helpers/child.ts";
import { rssMb } from "./helpers/child.ts";
import { signedCommand } from "./helpers/signed.ts";
import { startLikeNpmStart, startScript } from "./helpers/start-script.ts";
import { timedLoad } from "./helpers/timed-load.ts";
import { figure, heading, remember, round } from "./report.ts";
import { timeTicks } from "./scheduler-scale.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SECRET = "bench-signing-secret";
const BURST_S = Number(process.env.BENCH_BURST_S ?? 10);
/** Offered while the burst lasts: as much as the bot answers in time (flat out, answers queue up). */
const BURST_RATE = 200;
const AFTER_S = 30;
/** "Back" means within this much of the RSS it had idle before the burst. */
const BACK_WITHIN_MB = 15;

let sequence = 0;

/**
 * Slash commands in workstream 1 of the large data set (channel CW1, members U1…U50), each body
 * unique (the bot ignores a signed request seen before as a replay).
 */
function requests(respondBase: string) {
  const wanted = [
    { command: "/meeting", text: "list" },
    { command: "/workstream", text: "" },
    { command: "/help", text: "" },
    { command: "/parked", text: "" },
    { command: "/papers", text: "" },
  ].filter((c) => VERBS.includes(c.command.slice(1)));
  return Array.from({ length: 60 }, (_, i) => {
    const c = wanted[i % wanted.length] as { command: string; text: string };
    const signed = () =>
      signedCommand(SECRET, {
        ...c,
        user: `U${2 + (i % 20)}`,
        channel: "CW1",
        responseUrl: `${respondBase}m${i}-${++sequence}`,
      });
    return { ...signed(), setupRequest: signed };
  });
}

/** CPU time a process has used (user + system), in ms, from /proc (Linux: clock ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Memory after a load burst: the bot as `npm start` runs it (or as `way` says), on the large
 * data set, idle 3 s, then 10 s of slash commands at 200/s (20 connections); once every one is
 * answered, its RSS every second for 30 s: the curve, and how soon it is back within 15 MB of
 * its idle RSS.
 */
export async function burstMemory(
  api: Child,
  largeDb: string,
  label = "npm start",
  way = startScript(),
): Promise<{
  idle: number;
  peak: number;
  backAfterS: number | undefined;
  curve: number[];
  cpuPerCommand: number;
}> {
  const bot = await startLikeNpmStart({ databasePath: largeDb, apiUrl: String(api.ready.apiUrl), way });
  const pid = bot.child.pid as number;
  try {
    await sleep(3000);
    const idle = (await rssMb(pid)) ?? Number.NaN;
    await api.request({ kind: "reset" });
    const cpuBefore = await cpuMs(pid);
    const { result } = await timedLoad({
      url: `http://127.0.0.1:${bot.port}`,
      connections: 20,
      duration: BURST_S,
      overallRate: BURST_RATE,
      requests: requests(String(api.ready.respondBase)),
    });
    const burstEnded = performance.now();
    // The burst is over once every acked command has been answered (at response_url).
    let answered = 0;
    while (performance.now() - burstEnded < 30_000) {
      answered = Number(((await api.request({ kind: "stats" })).stats as { responses: number }).responses);
      if (answered >= result["2xx"]) break;
      await sleep(100);
    }
    const answeredAfterMs = performance.now() - burstEnded;
    const cpuPerCommand = ((await cpuMs(pid)) - cpuBefore) / Math.max(1, answered);
    const curve: number[] = [];
    let peak = (await rssMb(pid)) ?? Number.NaN;
    curve.push(peak);
    for (let s = 1; s <= AFTER_S; s++) {
      await sleep(1000);
      const now = (await rssMb(pid)) ?? Number.NaN;
      peak = Math.max(peak, now);
      curve.push(now);
    }
    const back = curve.findIndex((mb) => mb <= idle + BACK_WITHIN_MB);
    const backAfterS = back < 0 ? undefined : back;
    figure(
      `${label}: idle RSS; ${BURST_RATE}/s for ${BURST_S} s: acked / answered / refused`,
      `${round(idle)} MB; ${result["2xx"]} / ${answered} / ${result.non2xx + result.errors} (all answered ${round(answeredAfterMs)} ms after)`,
    );
    figure(`${label}: CPU per command during the burst`, cpuPerCommand, "ms");
    figure(`${label}: RSS each second once answered`, curve.map((mb) => round(mb)).join(" "), "MB");
    figure(
      `${label}: back within ${BACK_WITHIN_MB} MB of idle`,
      backAfterS === undefined
        ? `not within ${AFTER_S} s (${round(curve.at(-1) ?? Number.NaN)} MB)`
        : `after ${backAfterS} s`,
    );
    return { idle, peak, backAfterS, curve, cpuPerCommand };
  } finally {
    await stopBot(bot.child);
  }
}

/** The footprint bench's burst section (compiled, as npm start runs it). */
export async function burstSection(api: Child, largeDb: string): Promise<void> {
  const way = startScript();
  // What `npm start` does first (prestart): compile to dist/; and the large data set.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
  if (!existsSync(largeDb)) await timeTicks({ workstreams: 100, members: 50, years: 3 }, largeDb);
  heading(
    `4b. Memory after a burst (npm start: ${[...Object.entries(way.env).map(([k, v]) => `${k}=${v}`), "node", ...way.args.map((a) => a.replace(/.*\/dist\//, "dist/"))].join(" ")})`,
  );
  const plain = { env: {}, args: [join(ROOT, "dist/src/main.js")] };
  const ways = [
    { label: "npm start", way },
    { label: "node dist (no flags)", way: plain },
  ];
  for (let pass = 0; pass < 2; pass++) {
    for (const { label, way: w } of ways) {
      const r = await burstMemory(api, largeDb, label, w);
      remember(
        `memory after a burst, ${label} (${pass + 1})`,
        `idle ${round(r.idle)} MB, peak ${round(r.peak)} MB, back within ${BACK_WITHIN_MB} MB after ${r.backAfterS === undefined ? `> ${AFTER_S}` : r.backAfterS} s`,
      );
    }
  }
}
