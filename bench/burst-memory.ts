import { VERBS } from "../src/commands/catalog.ts";
import { stopBot } from "../test/helpers/reliability-bot.ts";
import type { Child } from "./helpers/child.ts";
import { rssMb } from "./helpers/child.ts";
import { signedCommand } from "./helpers/signed.ts";
import { startLikeNpmStart, startScript } from "./helpers/start-script.ts";
import { timedLoad } from "./helpers/timed-load.ts";
import { figure, heading, remember, round } from "./report.ts";

const SECRET = "bench-signing-secret";
const BURST_S = 10;
const AFTER_S = 30;
/** "Back" means within this much of the RSS it had idle before the burst. */
const BACK_WITHIN_MB = 15;

/** Slash commands in workstream 1 of the large data set (channel CW1, members U1…U50). */
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
        responseUrl: `${respondBase}m${i}`,
      });
    return { ...signed(), setupRequest: signed };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Memory after a load burst: the bot as `npm start` runs it (or as `way` says), on the large
 * data set, idle 3 s, then 10 s of slash commands flat out (20 connections), then its RSS every
 * second for 30 s: the curve, and how soon it is back within 15 MB of its idle RSS.
 */
export async function burstMemory(
  api: Child,
  largeDb: string,
  label = "npm start",
  way = startScript(),
): Promise<{ idle: number; peak: number; backAfterS: number | undefined; curve: number[] }> {
  const bot = await startLikeNpmStart({ databasePath: largeDb, apiUrl: String(api.ready.apiUrl), way });
  const pid = bot.child.pid as number;
  try {
    await sleep(3000);
    const idle = (await rssMb(pid)) ?? Number.NaN;
    const { result } = await timedLoad({
      url: `http://127.0.0.1:${bot.port}`,
      connections: 20,
      duration: BURST_S,
      requests: requests(String(api.ready.respondBase)),
    });
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
    figure(`${label}: ${result["2xx"]} commands in ${BURST_S} s; idle RSS before`, idle, "MB");
    figure(`${label}: RSS each second after the burst`, curve.map((mb) => round(mb)).join(" "), "MB");
    figure(
      `${label}: back within ${BACK_WITHIN_MB} MB of idle`,
      backAfterS === undefined
        ? `not within ${AFTER_S} s (${round(curve.at(-1) ?? Number.NaN)} MB)`
        : `after ${backAfterS} s`,
    );
    return { idle, peak, backAfterS, curve };
  } finally {
    await stopBot(bot.child);
  }
}

/** The footprint bench's burst section (compiled, as npm start runs it). */
export async function burstSection(api: Child, largeDb: string): Promise<void> {
  const way = startScript();
  heading(
    `4b. Memory after a burst (npm start: ${[...Object.entries(way.env).map(([k, v]) => `${k}=${v}`), "node", ...way.args.map((a) => a.replace(/.*\/dist\//, "dist/"))].join(" ")})`,
  );
  const r = await burstMemory(api, largeDb, "npm start", way);
  remember(
    "memory after a burst (npm start)",
    `idle ${round(r.idle)} MB, peak ${round(r.peak)} MB, back within ${BACK_WITHIN_MB} MB after ${r.backAfterS === undefined ? `> ${AFTER_S}` : r.backAfterS} s`,
  );
}
