import autocannon from "autocannon";
import { VERBS } from "../src/commands/catalog.ts";
import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { figure, heading, median, ratio, remember } from "./report.ts";

const WHICH = ["bare", "real"] as const;
type Which = (typeof WHICH)[number];
const LABEL: Record<Which, string> = { bare: "bare CloudAdapter", real: "real bot" };
const CONNECTIONS = 20;
/** The same Teams user ids as bench/helpers/teams-latency-server.ts seeds as members. */
const teamsUser = (n: number) => `29:bench-u${n}`;
const BOT = { id: "28:bench-bot", name: "Common Purpose" };

/** The everyday read commands, typed in a personal chat (where they exist yet). */
function mix(): string[] {
  const wanted = ["meeting list", "help", "workstream", "parked", "papers"];
  return wanted.filter((text) => VERBS.includes(text.split(" ")[0] as string));
}

let sequence = 0;

/**
 * Personal-chat message Activities as the Bot Connector posts them (no Authorization header:
 * local mode). Each request gets a fresh activity id, so the bot's inbound dedupe never drops
 * one as a redelivery, and the reply goes to …/activities/{that id}. (autocannon's own
 * `idReplacement` gets Content-Length wrong for JSON bodies, so setupRequest does it.)
 */
function requests(serviceUrl: string) {
  const commands = mix();
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const out = [];
  for (let i = 0; i < 60; i++) {
    const user = teamsUser(2 + (i % 20));
    const activity = {
      type: "message",
      id: "ID",
      timestamp: new Date().toISOString(),
      serviceUrl,
      channelId: "msteams",
      from: { id: user, name: `Person ${2 + (i % 20)}`, aadObjectId: `aad-${user}` },
      recipient: BOT,
      conversation: { id: `a:dm-bench-${2 + (i % 20)}`, conversationType: "personal", tenantId: "tenant-1" },
      channelData: { tenant: { id: "tenant-1" } },
      text: commands[i % commands.length],
      textFormat: "plain",
      locale: "en-GB",
    };
    out.push({
      method: "POST",
      path: "/api/messages",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
      setupRequest: (request: { body?: string }) => ({
        ...request,
        body: request.body?.replace('"id":"ID"', `"id":"bench-${run}-${++sequence}"`),
      }),
    });
  }
  return out;
}

async function load(port: number, serviceUrl: string, seconds: number, rate?: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests(serviceUrl),
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    /** Answered 200 (autocannon's `sent` is only an estimate when the rate is fixed). */
    answered: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Teams messages through the bot's real CloudAdapter (startTeams, local mode) against a bare
 * CloudAdapter bot that only replies a fixed text, each in its own process, loaded alternately
 * in the same run. Both answer each message with one reply to the Bot Connector stand-in, a
 * third process, before the HTTP response (CloudAdapter ends the request after the turn).
 */
export async function teamsLatency(options: { rounds: number; seconds: number; rate: number }) {
  heading(`1b. Command latency (Teams personal-chat messages, ${CONNECTIONS} connections)`);
  console.log(`  mix: ${mix().join(", ")}`);
  const connector = await forkHelper("teams-latency-server", ["connector"]);
  const serviceUrl = String(connector.ready.serviceUrl);
  let bare: Child | undefined;
  let real: Child | undefined;
  try {
    bare = await forkHelper("teams-latency-server", ["bare"]);
    real = await forkHelper("teams-latency-server", ["real"]);
    const servers = { bare: Number(bare.ready.port), real: Number(real.ready.port) };
    for (const port of Object.values(servers)) await load(port, serviceUrl, 2);
    for (const phase of [
      { name: `at ${options.rate} msg/s offered`, rate: options.rate, targets: true },
      { name: "flat out (closed loop, saturated)", rate: undefined, targets: false },
    ]) {
      const runs: Record<Which, Array<Awaited<ReturnType<typeof load>>>> = { bare: [], real: [] };
      const replies: Record<Which, number> = { bare: 0, real: 0 };
      for (let round = 0; round < options.rounds; round++) {
        for (const which of WHICH) {
          await connector.request({ kind: "reset" });
          runs[which].push(await load(servers[which], serviceUrl, options.seconds, phase.rate));
          replies[which] += Number((await connector.request({ kind: "stats" })).replies);
        }
      }
      const stat = (which: Which, key: "p50" | "p99" | "rps") => median(runs[which].map((r) => r[key]));
      console.log(
        `  -- ${phase.name}; median of ${options.rounds} alternating rounds of ${options.seconds} s`,
      );
      for (const which of WHICH) {
        const failures = runs[which].reduce((n, r) => n + r.non2xx + r.errors, 0);
        const answered = runs[which].reduce((n, r) => n + r.answered, 0);
        figure(
          `${LABEL[which]}: p50 / p99 / msg/s / failed`,
          `${stat(which, "p50")} ms / ${stat(which, "p99")} ms / ${stat(which, "rps").toFixed(0)} / ${failures}`,
        );
        // Every answered message replied through the connector (none dropped as a repeat); a few
        // more replies than answers are the requests cut off in flight when a round ends.
        figure(`${LABEL[which]}: connector replies / answered`, `${replies[which]} / ${answered}`);
      }
      const p50 = stat("real", "p50") / Math.max(stat("bare", "p50"), 1);
      const p99 = stat("real", "p99") / Math.max(stat("bare", "p99"), 1);
      if (phase.targets) {
        ratio("p50 ratio real / bare", p50, 1.2);
        ratio("p99 ratio real / bare", p99, 1.5);
        remember(
          `teams p50 real/bare @${options.rate}/s`,
          `${stat("real", "p50")} / ${stat("bare", "p50")} ms (ratio ${p50.toFixed(2)})`,
        );
        remember(
          `teams p99 real/bare @${options.rate}/s`,
          `${stat("real", "p99")} / ${stat("bare", "p99")} ms (ratio ${p99.toFixed(2)})`,
        );
      } else {
        figure("p50 / p99 ratio when saturated (no target)", `${p50.toFixed(2)} / ${p99.toFixed(2)}`);
        remember(
          "teams capacity real / bare",
          `${stat("real", "rps").toFixed(0)} / ${stat("bare", "rps").toFixed(0)} msg/s`,
        );
      }
    }
    const rss = await real.request({ kind: "rss" });
    figure("real bot RSS after load", Number(rss.rssMb), "MB");
  } finally {
    await bare?.stop();
    await real?.stop();
    await connector.stop();
  }
}
