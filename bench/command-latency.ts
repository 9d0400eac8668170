import autocannon from "autocannon";
import { VERBS } from "../src/commands/catalog.ts";
import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { signedCommand } from "./helpers/signed.ts";
import { figure, heading, median, ratio, remember } from "./report.ts";

const SECRET = "bench-signing-secret";
const WHICH = ["bare", "real"] as const;
type Which = (typeof WHICH)[number];
const LABEL: Record<Which, string> = { bare: "bare Bolt ack", real: "real bot" };
const CONNECTIONS = 20;

/** The mix of slash commands: the everyday read commands, where they exist yet. */
function mix(): Array<{ command: string; text: string }> {
  const wanted = [
    { command: "/meeting", text: "list" },
    { command: "/workstream", text: "" },
    { command: "/help", text: "" },
    { command: "/parked", text: "" },
    { command: "/papers", text: "" },
  ];
  return wanted.filter((c) => VERBS.includes(c.command.slice(1)));
}

function requests(respondBase: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const out = [];
  const commands = mix();
  for (let i = 0; i < 60; i++) {
    const c = commands[i % commands.length] as { command: string; text: string };
    const user = `U${2 + (i % 20)}`;
    out.push(
      signedCommand(SECRET, { ...c, user, channel: "C1", responseUrl: `${respondBase}b${i}` }, timestamp),
    );
  }
  return out;
}

async function load(port: number, respondBase: string, seconds: number, rate?: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests(respondBase),
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Slash commands through the bot's real Bolt HTTP receiver against a bare Bolt app that only
 * acks, each in its own process, loaded alternately in the same run; the Web API stand-in is a
 * third process. Ratios of medians across rounds are what count on a machine that stalls.
 */
export async function commandLatency(api: Child, options: { rounds: number; seconds: number; rate: number }) {
  heading(`1. Command latency (Slack slash commands, ${CONNECTIONS} connections)`);
  const apiUrl = String(api.ready.apiUrl);
  const respondBase = String(api.ready.respondBase);
  console.log(
    `  mix: ${mix()
      .map((c) => `${c.command} ${c.text}`.trim())
      .join(", ")}`,
  );
  const bare = await forkHelper("latency-server", ["bare", apiUrl]);
  const real = await forkHelper("latency-server", ["real", apiUrl]);
  try {
    const servers = { bare: Number(bare.ready.port), real: Number(real.ready.port) };
    for (const port of Object.values(servers)) await load(port, respondBase, 2);
    // The same offered load for both (far above a department's traffic), then flat out.
    for (const phase of [
      { name: `at ${options.rate} req/s offered`, rate: options.rate, targets: true },
      { name: "flat out (closed loop, saturated)", rate: undefined, targets: false },
    ]) {
      const runs: Record<Which, Array<Awaited<ReturnType<typeof load>>>> = { bare: [], real: [] };
      for (let round = 0; round < options.rounds; round++) {
        for (const which of WHICH)
          runs[which].push(await load(servers[which], respondBase, options.seconds, phase.rate));
      }
      const stat = (which: Which, key: "p50" | "p99" | "rps") => median(runs[which].map((r) => r[key]));
      console.log(
        `  -- ${phase.name}; median of ${options.rounds} alternating rounds of ${options.seconds} s`,
      );
      for (const which of WHICH) {
        const failures = runs[which].reduce((n, r) => n + r.non2xx + r.errors, 0);
        const label = LABEL[which];
        figure(
          `${label}: p50 / p99 / req/s / failed`,
          `${stat(which, "p50")} ms / ${stat(which, "p99")} ms / ${stat(which, "rps").toFixed(0)} / ${failures}`,
        );
      }
      const p50 = stat("real", "p50") / Math.max(stat("bare", "p50"), 1);
      const p99 = stat("real", "p99") / Math.max(stat("bare", "p99"), 1);
      if (phase.targets) {
        ratio("p50 ratio real / bare", p50, 1.2);
        ratio("p99 ratio real / bare", p99, 1.5);
        remember(
          `slash p50 real/bare @${options.rate}/s`,
          `${stat("real", "p50")} / ${stat("bare", "p50")} ms (ratio ${p50.toFixed(2)})`,
        );
        remember(
          `slash p99 real/bare @${options.rate}/s`,
          `${stat("real", "p99")} / ${stat("bare", "p99")} ms (ratio ${p99.toFixed(2)})`,
        );
      } else {
        figure("p50 / p99 ratio when saturated (no target)", `${p50.toFixed(2)} / ${p99.toFixed(2)}`);
        remember(
          "slash capacity real / bare",
          `${stat("real", "rps").toFixed(0)} / ${stat("bare", "rps").toFixed(0)} req/s`,
        );
      }
    }
    const rss = await real.request({ kind: "rss" });
    figure("real bot RSS after load", Number(rss.rssMb), "MB");
  } finally {
    await bare.stop();
    await real.stop();
  }
}
