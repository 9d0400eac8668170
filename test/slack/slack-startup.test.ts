import { describe, expect, it } from "vitest";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { createBot } from "../../src/bot.ts";
import { ConfigError } from "../../src/config.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { recordingLogger } from "../helpers/harness.ts";
import { startMockSlack } from "../helpers/slack-api-mock.ts";
import { createManualClock } from "../helpers/slack-harness.ts";

function memoryBot() {
  const db = openDatabase(":memory:");
  migrate(db);
  return createBot({
    store: createSqliteStore(db),
    adapterData: createAdapterDataStore(db),
    clock: createManualClock(),
    log: silentLogger,
    defaultTimezone: "Europe/London",
  });
}

describe("starting the Slack adapter", () => {
  it("refuses to start with a token Slack does not accept, saying so plainly", async () => {
    const api = await startMockSlack({ rejectToken: true });
    const started = startSlack({
      botToken: "xoxb-wrong",
      signingSecret: "s",
      apiUrl: api.apiUrl,
      bot: memoryBot(),
      log: silentLogger,
    });
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(
      "SLACK_BOT_TOKEN is not valid: Slack did not accept it (invalid_auth).",
    );
    await api.close();
  });

  it("starts anyway when Slack cannot be reached, says so, and reports it in the health check", async () => {
    const api = await startMockSlack();
    const apiUrl = api.apiUrl;
    await api.close();
    const { log, entries } = recordingLogger();
    const slack = await startSlack({
      botToken: "xoxb-test",
      signingSecret: "s",
      apiUrl,
      bot: memoryBot(),
      log,
    });
    expect(entries.some((e) => e.level === "warn" && e.msg.startsWith("Slack could not be reached"))).toBe(
      true,
    );
    expect(await slack.healthy()).toBe(false);
    expect(slack.routes.map((r) => r.path)).toEqual(["/slack/events"]);
    await slack.stop();
  });

  it("serves POST /slack/events in HTTP mode and reports health from auth.test", async () => {
    const api = await startMockSlack();
    const slack = await startSlack({
      botToken: "xoxb-test",
      signingSecret: "s",
      apiUrl: api.apiUrl,
      bot: memoryBot(),
      log: silentLogger,
    });
    expect(slack.routes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /slack/events"]);
    expect(await slack.healthy()).toBe(true);
    // Cached: a burst of health checks costs one auth.test.
    const before = api.callsTo("auth.test").length;
    await slack.healthy();
    expect(api.callsTo("auth.test").length).toBe(before);
    await slack.stop();
    await api.close();
  });
});
