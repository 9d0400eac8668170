import type { Server } from "node:http";
import { startConsole } from "../adapters/console/console.ts";
import { createOffsetClock } from "../adapters/console/offset-clock.ts";
import { startTicker } from "../adapters/cron/ticker.ts";
import { createHttpServer, listen } from "../adapters/http/server.ts";
import { createPinoLogger } from "../adapters/log/pino-logger.ts";
import { createAdapterDataStore } from "../adapters/sqlite/adapter-data-store.ts";
import { MigrationError, migrate } from "../adapters/sqlite/migrate.ts";
import { openDatabase } from "../adapters/sqlite/open.ts";
import { createSqliteStore } from "../adapters/sqlite/store.ts";
import { createBot } from "./bot.ts";
import { ConfigError, loadConfig, loadEnvFile } from "./config.ts";
import type { PlatformAdapter, Route } from "./platform-adapter.ts";
import type { Clock } from "./ports/clock.ts";
import type { Logger } from "./ports/logger.ts";

/** Real time, outside the core (the console moves its own clock on). */
const systemClock: Clock = { now: () => new Date() };

/**
 * A promise some library forgot to await, or a throw from a callback, must not take every
 * workstream's bot down with it: it is logged (by kind, never its message, which may quote a
 * request) and the bot keeps serving.
 */
function keepServing(log: Logger): void {
  const kind = (error: unknown) => {
    const e = error as { code?: unknown; name?: unknown } | undefined;
    return {
      err: typeof e?.name === "string" ? e.name : typeof error,
      code: typeof e?.code === "string" ? e.code : undefined,
    };
  };
  process.on("unhandledRejection", (reason) =>
    log.error(kind(reason), "a promise failed unhandled; still serving"),
  );
  process.on("uncaughtException", (error) =>
    log.error(kind(error), "an error was not caught; still serving"),
  );
}

/** The composition root: config → database → migrate → core → adapters. */
async function main(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const consoleMode = config.platforms.includes("console");
  const log = createPinoLogger(config.logLevel);
  keepServing(log);
  const db = openDatabase(config.databasePath);
  const applied = migrate(db);
  if (applied.length > 0) log.info({ applied }, "database migrated");
  const store = createSqliteStore(db);
  const clock = consoleMode ? createOffsetClock() : systemClock;
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock,
    log,
    defaultTimezone: config.defaultTimezone,
    outboxRetentionDays: config.outboxRetentionDays,
  });

  // Each platform's SDK is loaded only when configured: Bolt and botbuilder are most of the
  // start-up time and memory, and the console needs neither.
  const platforms = new Map<string, PlatformAdapter>();
  if (config.platforms.includes("slack") && config.slack) {
    const { startSlack } = await import("../adapters/slack/slack-app.ts");
    platforms.set("slack", await startSlack({ ...config.slack, bot, log }));
  }
  if (config.platforms.includes("teams")) {
    const { startTeams } = await import("../adapters/teams/teams-app.ts");
    platforms.set("teams", await startTeams({ ...config.teams, production: config.production, bot, log }));
  }
  const routes: Route[] = [...platforms.values()].flatMap((platform) => platform.routes);
  const checks: Record<string, () => Promise<boolean>> = {
    database: async () => db.prepare("SELECT 1 AS ok").get() !== undefined,
  };
  for (const [name, platform] of platforms) checks[name] = () => platform.healthy();

  let server: Server | undefined;
  if (!consoleMode || routes.length > 0) {
    routes.push({
      method: "GET",
      path: "/health",
      handler: async (_req, res) => {
        const results = Object.fromEntries(
          await Promise.all(
            Object.entries(checks).map(async ([name, check]) => [name, await check().catch(() => false)]),
          ),
        );
        const ok = Object.values(results).every(Boolean);
        res
          .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify({ ok, ...results }));
      },
    });
    server = createHttpServer(routes, (error) => log.error({ err: String(error) }, "http handler failed"));
    const port = await listen(server, config.port);
    log.info({ port, platforms: config.platforms }, "listening");
  }

  const ticker = startTicker(bot, log, () => clock.now().getTime());
  const shutdown = async () => {
    await ticker.stop();
    // No new requests; the platforms then finish answering the ones already acked.
    server?.close();
    for (const platform of platforms.values()) await platform.stop();
    // A delivery woken by the last command may still be on its way: let it finish first.
    await new Promise((resolve) => setImmediate(resolve));
    await bot.deliver();
    db.close();
  };

  if (consoleMode) {
    await ticker.first;
    // The console's own commands need the store (the demo seed, names) and the clock it moves.
    await startConsole({
      bot,
      store,
      clock: clock as ReturnType<typeof createOffsetClock>,
      log,
      defaultTimezone: config.defaultTimezone,
      databasePath: config.databasePath,
    });
    await shutdown();
    return;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down");
      void shutdown().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  // One clear line for the person starting the bot; the stack only for the unexpected.
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(`Common Purpose could not start: ${error.message}`);
  } else {
    console.error("Common Purpose could not start:", error);
  }
  process.exit(1);
});
