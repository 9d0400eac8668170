import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Bot } from "../../src/bot.ts";
import { ConfigError } from "../../src/config.ts";
import type { PlatformAdapter } from "../../src/platform-adapter.ts";
import type { Logger } from "../../src/ports/logger.ts";
import { createReferenceBook } from "./conversation-references.ts";
import { bridge } from "./http-bridge.ts";
import { createTeamsGateway } from "./teams-gateway.ts";
import { createTurnHandler } from "./teams-inbound.ts";

/** How main.ts starts Teams (from the Microsoft* settings in the environment). */
export interface TeamsOptions {
  /** MicrosoftAppId; empty is the local, unauthenticated mode. */
  appId: string;
  appPassword: string;
  /** MultiTenant, SingleTenant or UserAssignedMSI. */
  appType?: string;
  tenantId?: string;
  production: boolean;
  bot: Bot;
  log: Logger;
}

/**
 * Connects the bot to Microsoft Teams through the Bot Framework's CloudAdapter. Everything
 * botbuilder-specific stays in adapters/teams, so a supported Teams SDK can replace it later
 * (Microsoft archived the Bot Framework SDK) without touching the core.
 */
export async function startTeams(options: TeamsOptions): Promise<PlatformAdapter> {
  const { bot, log } = options;
  const local = options.appId === "";
  if (local && options.production) {
    throw new ConfigError(
      "MicrosoftAppId is not valid: expected the bot's app id in production; an empty one turns off authentication and is only for local testing.",
    );
  }
  if (local) {
    log.warn(
      { mode: "local" },
      "TEAMS LOCAL MODE: MicrosoftAppId is empty, so requests to /api/messages are NOT authenticated. Never expose this to the internet.",
    );
  }
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    ...(options.appType ? { MicrosoftAppType: options.appType } : {}),
    ...(options.tenantId ? { MicrosoftAppTenantId: options.tenantId } : {}),
  });
  const adapter = new CloudAdapter(auth);
  // The core's outbox owns retries and rate limits. The connector client's pipeline retries
  // 429s and 5xx on its own (up to 3 times); take that policy out of every turn's client.
  adapter.use({
    onTurn: async (context, next) => {
      const client = context.turnState.get(adapter.ConnectorClientKey) as PipelineOwner | undefined;
      client?.client?.pipeline?.removePolicy({ phase: "Retry" });
      await next();
    },
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ activity: context.activity.id, err: (error as Error).name }, "teams turn failed");
  };

  const book = createReferenceBook(bot.adapterData("teams"));
  const gateway = createTeamsGateway({ adapter, appId: options.appId, book, log });
  bot.addGateway(gateway);
  const onTurn = createTurnHandler({ bot, book, gateway, log });
  log.info({ mode: local ? "local" : "authenticated" }, "teams ready at /api/messages");

  return {
    routes: [
      {
        method: "POST",
        path: "/api/messages",
        handler: async (req, res) => {
          const bridged = await bridge(req, res);
          if (bridged) await adapter.process(bridged.request, bridged.response, onTurn);
        },
      },
    ],
    // Nothing to ask Teams cheaply: the endpoint is up when this process is.
    healthy: async () => true,
    async stop() {},
  };
}

/** The part of the connector client (an Azure ServiceClient) whose pipeline carries the retry policy. */
interface PipelineOwner {
  client?: { pipeline?: { removePolicy(filter: { phase?: string }): unknown } };
}
