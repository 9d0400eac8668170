// A child process for the Teams latency bench, by its first argument:
// - `real`: the whole bot's Teams adapter (startTeams in local, unauthenticated mode: the real
//   CloudAdapter, the core, SQLite) with a seeded workstream;
// - `bare`: a bare botbuilder CloudAdapter whose bot only replies a fixed text;
// - `connector`: a lean Bot Connector stand-in (the `serviceUrl` of every activity) that answers
//   each reply with {id} at once, counts them and times each from the message's sending (its
//   activity id carries the time) to the reply's arrival ("stats" / "reset" over IPC).
// `real` and `bare` are served the same way: adapters/http's server and adapters/teams' bridge.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from "botbuilder";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { bridge } from "../../adapters/teams/http-bridge.ts";
import { startTeams } from "../../adapters/teams/teams-app.ts";
import type { Route } from "../../src/platform-adapter.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { seededBot } from "./seeded-bot.ts";

/** The Teams user ids the bench's messages come from (bench/teams-latency.ts uses the same). */
const teamsUser = (n: number) => `29:bench-u${n}`;
const CHANNEL = "19:bench@thread.tacv2";

const mode = process.argv[2];
if (mode !== "real" && mode !== "bare" && mode !== "connector") {
  throw new Error("usage: teams-latency-server.ts real|bare|connector");
}

const seeded = () =>
  seededBot({
    platform: "teams",
    channel: `teams:${CHANNEL}`,
    setupText: "workstream setup Bench",
    person: (n) => ({ key: `teams:${teamsUser(n)}`, name: `Person ${n}`, dm: `teams:${teamsUser(n)}` }),
  });

async function realRoutes(): Promise<Route[]> {
  const bot = await seeded();
  const teams = await startTeams({ appId: "", appPassword: "", production: false, bot, log: silentLogger });
  return teams.routes;
}

function bareRoutes(): Route[] {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "" }),
  );
  const logic = async (context: TurnContext) => {
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity("OK");
  };
  return [
    {
      method: "POST",
      path: "/api/messages",
      handler: async (req, res) => {
        const bridged = await bridge(req, res);
        if (bridged) await adapter.process(bridged.request, bridged.response, logic);
      },
    },
  ];
}

/**
 * When the bench sent the message a reply answers: its activity id ends in `-t<ns>`, the
 * sender's process.hrtime (CLOCK_MONOTONIC, the same clock in every process on the machine).
 */
function sentAt(url: string): bigint | undefined {
  const id = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
  const match = /-t(\d+)$/.exec(id);
  return match ? BigInt(match[1] as string) : undefined;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function connector() {
  let replies = 0;
  let next = 1;
  /** Milliseconds from the bench sending each message to its reply arriving here. */
  let latencies: number[] = [];
  const server = createServer((req, res) => {
    const arrived = process.hrtime.bigint();
    req.resume();
    req.on("end", () => {
      const ok =
        req.method === "POST" && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(req.url ?? "");
      if (!ok) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      replies++;
      const sent = sentAt(req.url ?? "");
      if (sent !== undefined) latencies.push(Number(arrived - sent) / 1e6);
      res.writeHead(200, { "content-type": "application/json" }).end(`{"id":"bench-${next++}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  process.send?.({ kind: "ready", serviceUrl });
  process.on("message", (raw) => {
    const msg = raw as { kind: string; id: number };
    const sorted = [...latencies].sort((a, b) => a - b);
    const done = {
      kind: "done",
      id: msg.id,
      replies,
      replyP50: percentile(sorted, 0.5),
      replyP99: percentile(sorted, 0.99),
    };
    if (msg.kind === "reset") {
      replies = 0;
      latencies = [];
    }
    process.send?.(done);
  });
}

if (mode === "connector") {
  await connector();
} else {
  const routes = mode === "bare" ? bareRoutes() : await realRoutes();
  const server = createHttpServer(routes, () => {});
  const port = await listen(server, 0);
  process.send?.({ kind: "ready", port });
  process.on("message", (raw) => {
    const msg = raw as { id: number };
    const cpu = process.cpuUsage();
    process.send?.({
      kind: "done",
      id: msg.id,
      rssMb: process.memoryUsage().rss / 1048576,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  });
}
process.on("disconnect", () => process.exit(0));
