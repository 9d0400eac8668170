// A child process serving Slack's endpoint: `real` is the whole bot (Bolt receiver, core,
// SQLite), `bare` a Bolt app with the same receiver that only acks. Argument 2 is the Web API URL.
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { seededBot } from "./seeded-bot.ts";

export const SECRET = "bench-signing-secret";
const [mode, apiUrl] = process.argv.slice(2);
if (!apiUrl) throw new Error("usage: latency-server.ts real|bare <apiUrl>");

const seeded = () =>
  seededBot({
    platform: "slack",
    channel: "slack:C1",
    setupText: "/workstream setup Bench",
    person: (n) => ({ key: `slack:U${n}`, name: `Person U${n}`, dm: `slack:U${n}` }),
  });

async function realRoutes() {
  const bot = await seeded();
  const slack = await startSlack({
    botToken: "xoxb-bench",
    signingSecret: SECRET,
    apiUrl,
    bot,
    log: silentLogger,
  });
  return slack.routes;
}

async function boltApp() {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: ["/slack/events"] });
  const app = new App({
    token: "xoxb-bench",
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    deferInitialization: true,
  });
  await app.init();
  return { app, receiver };
}

function routesOf(receiver: HTTPReceiver) {
  return [
    {
      method: "POST",
      path: "/slack/events",
      handler: (req: IncomingMessage, res: ServerResponse) => receiver.requestListener(req, res),
    },
  ];
}

async function bareRoutes() {
  const { app, receiver } = await boltApp();
  // One listener for every command, as the real bot has.
  app.command(/^\//, async ({ ack }) => {
    await ack();
  });
  return routesOf(receiver);
}

const routes = mode === "bare" ? await bareRoutes() : await realRoutes();
const server = createHttpServer(routes, () => {});
const port = await listen(server, 0);
process.send?.({ kind: "ready", port });
process.on("message", (raw) => {
  const msg = raw as { id: number };
  process.send?.({ kind: "done", id: msg.id, rssMb: process.memoryUsage().rss / 1048576 });
});
process.on("disconnect", () => process.exit(0));
