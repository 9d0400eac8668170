import { VERBS } from "../src/commands/catalog.ts";
import type { StandInSlack } from "../test/helpers/reliability-slack-api.ts";
import { compareRealToBare, type Which } from "./compare-latency.ts";
import type { Child } from "./helpers/child.ts";
import { forkHelper } from "./helpers/child.ts";
import { signedCommand } from "./helpers/signed.ts";
import { timedLoad } from "./helpers/timed-load.ts";
import { figure, heading } from "./report.ts";

type ApiStats = ReturnType<StandInSlack["stats"]>;

const SECRET = "bench-signing-secret";
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

/**
 * Each request's response_url carries the moment it was sent, so the Web API stand-in can time
 * the answer as well as autocannon times the ack; the body is signed again for each send.
 */
function requests(respondBase: string) {
  const out = [];
  const commands = mix();
  for (let i = 0; i < 60; i++) {
    const c = commands[i % commands.length] as { command: string; text: string };
    const fields = { ...c, user: `U${2 + (i % 20)}`, channel: "C1" };
    const signed = () =>
      signedCommand(SECRET, { ...fields, responseUrl: `${respondBase}b${i}?sent=${Date.now()}` });
    out.push({ ...signed(), setupRequest: signed });
  }
  return out;
}

async function load(port: number, respondBase: string, seconds: number, rate?: number) {
  const { result, p50, p99 } = await timedLoad({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests(respondBase),
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    p50,
    p99,
    rps: result.requests.average,
    acked: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The stand-in's figures once every acked command has been answered (or answers stop coming). */
async function settledAnswers(api: Child, acked: number): Promise<ApiStats> {
  let stats = (await api.request({ kind: "stats" })).stats as ApiStats;
  for (let quiet = 0; stats.responses < acked && quiet < 20; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = (await api.request({ kind: "stats" })).stats as ApiStats;
    quiet = next.responses === stats.responses ? quiet + 1 : 0;
    stats = next;
  }
  return stats;
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
    await compareRealToBare({
      tag: "slash",
      unit: "req/s",
      labels: LABEL,
      ...options,
      round: async (which, seconds, rate) => {
        await api.request({ kind: "reset" });
        const r = await load(servers[which], respondBase, seconds, rate);
        const round = { p50: r.p50, p99: r.p99, rps: r.rps, failed: r.non2xx + r.errors };
        if (which === "bare") return round;
        const answers = await settledAnswers(api, r.acked);
        return {
          ...round,
          answered: r.acked,
          replies: answers.responses,
          answerP50: answers.answerP50 ?? Number.NaN,
          answerP99: answers.answerP99 ?? Number.NaN,
        };
      },
    });
    const rss = await real.request({ kind: "rss" });
    figure("real bot RSS after load", Number(rss.rssMb), "MB");
  } finally {
    await bare.stop();
    await real.stop();
  }
}
