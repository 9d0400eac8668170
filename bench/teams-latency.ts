import { VERBS } from "../src/commands/catalog.ts";
import { compareRealToBare, type Which } from "./compare-latency.ts";
import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { timedLoad } from "./helpers/timed-load.ts";
import { figure, heading } from "./report.ts";

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
        // The sending time rides in the id, so the connector can time the reply (`-t<ns>`).
        body: request.body?.replace(
          '"id":"ID"',
          `"id":"bench-${run}-${++sequence}-t${process.hrtime.bigint()}"`,
        ),
      }),
    });
  }
  return out;
}

async function load(port: number, serviceUrl: string, seconds: number, rate?: number) {
  const { result, p50, p99 } = await timedLoad({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests(serviceUrl),
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    p50,
    p99,
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
    const processes = { bare, real };
    await compareRealToBare({
      tag: "teams",
      // The Teams figure: the reply reaching the connector, p50 within 1.3× a bare
      // CloudAdapter's. The 200 (CloudAdapter ends the request after the turn) is secondary.
      headline: { on: "reply", p50: 1.3 },
      unit: "msg/s",
      labels: LABEL,
      ...options,
      round: async (which, seconds, rate) => {
        await connector.request({ kind: "reset" });
        const cpuBefore = Number((await processes[which].request({ kind: "rss" })).cpuMs);
        const r = await load(servers[which], serviceUrl, seconds, rate);
        const cpuAfter = Number((await processes[which].request({ kind: "rss" })).cpuMs);
        const stats = await connector.request({ kind: "stats" });
        const replies = Number(stats.replies);
        return {
          // CPU time the server process spent per answered message (user + system).
          cpuMsPerMessage: (cpuAfter - cpuBefore) / Math.max(1, r.answered),
          replyP50: Number(stats.replyP50),
          replyP99: Number(stats.replyP99),
          p50: r.p50,
          p99: r.p99,
          rps: r.rps,
          failed: r.non2xx + r.errors,
          answered: r.answered,
          replies,
        };
      },
    });
    const rss = await real.request({ kind: "rss" });
    figure("real bot RSS after load", Number(rss.rssMb), "MB");
  } finally {
    await bare?.stop();
    await real?.stop();
    await connector.stop();
  }
}
