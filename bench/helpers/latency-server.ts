// A child process serving Slack's endpoint: `real` is the whole bot (Bolt receiver, core,
// SQLite), `bare` a Bolt app with the same receiver that only acks. Argument 2 is the Web API URL.
import { mkdtempSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { slashCommands } from "../../adapters/slack/slack-inbound.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { createBot } from "../../src/bot.ts";
import { silentLogger } from "../../src/ports/logger.ts";

export const SECRET = "bench-signing-secret";
const [mode, apiUrl] = process.argv.slice(2);
if (!apiUrl) throw new Error("usage: latency-server.ts real|bare <apiUrl>");

async function seededBot() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "cp-bench-")), "bench.db"));
  migrate(db);
  const store = createSqliteStore(db);
  const bot = createBot({
    store,
    clock: { now: () => new Date() },
    log: silentLogger,
    defaultTimezone: "Europe/London",
  });
  const actor = (n: number) => ({ key: `slack:U${n}`, name: `Person U${n}`, dm: `slack:U${n}` });
  await bot.command({
    platform: "slack",
    actor: actor(1),
    channel: "slack:C1",
    text: "/workstream setup Bench",
  });
  const ws = store.workstreams.byChannel("slack:C1");
  if (!ws) throw new Error("seeding failed");
  const now = new Date();
  store.transaction(() => {
    for (let n = 2; n <= 40; n++) {
      const person = store.people.upsert(actor(n));
      store.members.add({
        workstreamId: ws.id,
        personId: person.id,
        role: n === 2 ? "chair" : "member",
        group: "carer",
        now,
      });
    }
    for (let m = 1; m <= 6; m++) {
      const startsAt = new Date(now.getTime() + m * 14 * 86_400_000);
      store.meetings.create({
        workstreamId: ws.id,
        title: `Meeting ${m}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        now,
      });
    }
  });
  return bot;
}

async function realRoutes() {
  const bot = await seededBot();
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
  for (const command of slashCommands()) {
    app.command(command, async ({ ack }) => {
      await ack();
    });
  }
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
