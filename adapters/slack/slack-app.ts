import { App, HTTPReceiver, LogLevel, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot.ts";
import { ConfigError } from "../../src/config.ts";
import type { PlatformAdapter } from "../../src/platform-adapter.ts";
import type { Logger } from "../../src/ports/logger.ts";
import { createBoltLogger } from "./bolt-logger.ts";
import { createSlackGateway } from "./slack-gateway.ts";
import { registerInbound } from "./slack-inbound.ts";
import { createSlackPeople, slackPersonKey } from "./slack-people.ts";
import { createSlackRequestGuard } from "./slack-request-guard.ts";

/** How main.ts starts Slack (from SLACK_* in the environment). */
export interface SlackOptions {
  botToken: string;
  signingSecret: string;
  /** Set for Socket Mode; without it Slack reaches us over HTTP at POST /slack/events. */
  appToken?: string;
  /** The Web API base URL (tests point it at a local stand-in). */
  apiUrl?: string;
  bot: Bot;
  log: Logger;
}

const HEALTH_CACHE_MS = 30_000;

/**
 * Connects the bot to Slack: the Bolt app, the inbound listeners, and the outbound gateway.
 * In HTTP mode Bolt's receiver is not started: its request listener is handed back as a route
 * so Slack, Teams and /health share one port.
 */
export async function startSlack(options: SlackOptions): Promise<PlatformAdapter> {
  const { bot, log } = options;
  const logger = createBoltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    // The core's outbox owns retries and rate limits: the client must fail fast, not wait.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const receiver = options.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: ["/slack/events"], logger });
  const identity = await checkToken(new webApi.WebClient(options.botToken, clientOptions), log);
  // Bolt would call auth.test itself (from its constructor, unawaited: a failure there kills the
  // process). We checked the token above, so it is given the bot's ids and told not to.
  const app = new App({
    token: options.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    tokenVerificationEnabled: false,
    logger,
    logLevel: LogLevel.WARN,
    clientOptions,
    deferInitialization: true,
    ...(receiver ? { receiver } : { appToken: options.appToken, socketMode: true }),
  });
  await app.init();

  const client = app.client;
  const people = createSlackPeople(client, log);
  const data = bot.adapterData("slack");
  bot.addGateway(
    createSlackGateway(client, people, {
      get: (userId) => {
        const channel = data.get(`dm:${userId}`);
        return typeof channel === "string" ? channel : undefined;
      },
      // A DM channel is the person's own: forgetting them removes it.
      put: (userId, channel) => data.put(`dm:${userId}`, channel, slackPersonKey(userId)),
    }),
  );
  const answers = registerInbound(app, { bot, client, people, log });
  app.error(async (error) => {
    log.error({ err: error.code ?? "unknown" }, "slack listener failed");
  });

  if (!receiver) await startSocketMode(app);
  log.info({ mode: receiver ? "http" : "socket" }, "slack connected");

  // Nothing a request contains may reach Bolt's receiver in a shape that could stop the process.
  const guard = createSlackRequestGuard({ signingSecret: options.signingSecret, bot, log });
  let checked: { at: number; ok: boolean } | undefined;
  return {
    routes: receiver
      ? [
          {
            method: "POST",
            path: "/slack/events",
            handler: (req, res) =>
              guard(req, res, () => {
                answers.track(res);
                receiver.requestListener(req, res);
              }),
          },
        ]
      : [],
    /** True when Slack accepts our token (auth.test), checked at most every 30 seconds. */
    async healthy() {
      if (checked && Date.now() - checked.at < HEALTH_CACHE_MS) return checked.ok;
      const ok = await client.auth
        .test()
        .then((r) => r.ok === true)
        .catch(() => false);
      checked = { at: Date.now(), ok };
      return ok;
    },
    async stop() {
      if (!receiver) await app.stop();
      // Every command acked so far gets its answer before the database closes.
      await answers.drain();
    },
  };
}

const SOCKET_START_TIMEOUT_MS = 30_000;

/**
 * Bolt keeps reconnecting when apps.connections.open fails, so app.start() may never return:
 * give up after a while with one clear line instead of hanging.
 */
async function startSocketMode(app: App): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ConfigError(
            "SLACK_APP_TOKEN is not valid: Socket Mode could not connect to Slack within 30 seconds. Check the app-level token and that Socket Mode is on.",
          ),
        ),
      SOCKET_START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([app.start(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A token Slack refuses stops start-up with one plain line (never the token). A Slack that
 * cannot be reached does not: the bot starts, says so loudly, reports it in /health, and the
 * outbox delivers once Slack answers again — a crash loop would help nobody.
 */
async function checkToken(
  client: webApi.WebClient,
  log: Logger,
): Promise<{ botId: string; botUserId: string }> {
  try {
    const result = await client.auth.test();
    return { botId: result.bot_id ?? "", botUserId: result.user_id ?? "" };
  } catch (error) {
    const e = error as { data?: { error?: string }; code?: string };
    if (e.data?.error)
      throw new ConfigError(`SLACK_BOT_TOKEN is not valid: Slack did not accept it (${e.data.error}).`);
    log.warn(
      { err: e.code ?? "no answer" },
      "Slack could not be reached to check SLACK_BOT_TOKEN; starting anyway. Check the network, and SLACK_API_URL if it is set.",
    );
    return { botId: "", botUserId: "" };
  }
}
