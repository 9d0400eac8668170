import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpServer, listen } from "../../adapters/http/server.ts";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { createBot } from "../../src/bot.ts";
import { type Logger, silentLogger } from "../../src/ports/logger.ts";
import { startMockSlack } from "./slack-api-mock.ts";
import { createManualClock, SIGNING_SECRET } from "./slack-harness.ts";
import { createSlackSigner } from "./slack-signer.ts";

/**
 * Like startSlackHarness (the real bot behind the real Bolt receiver), but also hands back the
 * database connection, so a test can watch every table while it throws bad requests at it.
 */
export async function startSlackWithDb(options: { log?: Logger } = {}) {
  const log = options.log ?? silentLogger;
  const dir = mkdtempSync(join(tmpdir(), "cp-rel-slack-"));
  const db: Db = openDatabase(join(dir, "test.db"));
  migrate(db);
  const store = createSqliteStore(db);
  const clock = createManualClock();
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock,
    log,
    defaultTimezone: "Europe/London",
  });
  const api = await startMockSlack({ users: { U1: { name: "Cora" }, U2: { name: "Sam" } } });
  const adapter = await startSlack({
    botToken: "xoxb-test",
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    bot,
    log,
  });
  const errors: unknown[] = [];
  const server: Server = createHttpServer(adapter.routes, (error) => errors.push(error));
  const port = await listen(server, 0);
  const slack = createSlackSigner(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  return {
    bot,
    db,
    api,
    slack,
    errors,
    async close() {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.deliver().catch(() => 0);
      await api.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
