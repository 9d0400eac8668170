import type { App, RespondFn, webApi } from "@slack/bolt";
import type { Bot } from "../../src/bot.ts";
import type { Message } from "../../src/messages/message.ts";
import type { Logger } from "../../src/ports/logger.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import { type AckFirstQueue, type AfterAck, createAckFirstQueue } from "./ack-first-queue.ts";
import {
  actionFromActionId,
  FORM_CALLBACK_ID,
  LINK_ACTION,
  renderForm,
  renderHome,
  renderMessage,
  renderMessageModal,
} from "./block-kit.ts";
import {
  BlockActionPayload,
  type FormMetadata,
  parseFormMetadata,
  readFormFields,
  unescapeSlack,
  ViewSubmissionPayload,
} from "./slack-payloads.ts";
import type { SlackPeople } from "./slack-people.ts";

/** What the listeners need: the core, a Web API client and the name lookup. */
export interface InboundDeps {
  bot: Bot;
  client: webApi.WebClient;
  people: SlackPeople;
  log: Logger;
}

const PLATFORM = "slack";
const ANY_COMMAND = /^\//;

/**
 * Wires Slack's inbound traffic to the bot. Everything here translates and acknowledges;
 * decisions belong to the core. Slack gives 3 seconds for an ack (and for using a trigger_id),
 * so each handler acks before any slow work, except where the ack itself carries the answer.
 */
export function registerInbound(app: App, inbound: InboundDeps): AckFirstQueue {
  const queue = createAckFirstQueue((error) =>
    inbound.log.error({ err: codeOf(error) }, "slack answer failed"),
  );
  const deps = { ...inbound, later: queue.later };
  registerCommands(app, deps);
  registerDirectMessages(app, deps);
  registerBlockActions(app, deps);
  registerFormSubmissions(app, deps);
  registerHome(app, deps);
  return queue;
}

/** The listeners' view: the deps, and the queue their answers wait in after the ack. */
interface Deps extends InboundDeps {
  later(job: AfterAck): void;
}

/**
 * Ack at once (Slack allows 3 seconds, and a users.info lookup or `/workstream sync` may take
 * longer), then answer through response_url as an ephemeral message: only the person who typed
 * sees it.
 */
function registerCommands(app: App, { bot, people, log, later }: Deps): void {
  // One listener for every command: Bolt runs each listener's middleware on every request, so
  // twenty listeners would cost every ack twenty times over. The core answers any verb, and
  // explains one it doesn't know.
  app.command(ANY_COMMAND, async ({ command, ack, respond }) => {
    const name = command.command;
    await ack();
    later(async () => {
      try {
        const actor = await people.actor(command.user_id, command.user_name);
        // A DM has no workstream of its own; the core then works out which one the person means.
        const channel = command.channel_id.startsWith("D") ? undefined : `slack:${command.channel_id}`;
        const typed = await withRealNames(people, unescapeSlack(command.text ?? ""));
        const text = `${command.command} ${typed}`.trim();
        const reply = await bot.command({ platform: PLATFORM, actor, ...(channel ? { channel } : {}), text });
        if (reply.error)
          log.info({ user: command.user_id, command: name, refusal: reply.error }, "command refused");
        await respond({ response_type: "ephemeral", ...renderMessage(reply.message) });
      } catch (error) {
        log.error({ user: command.user_id, command: name, err: codeOf(error) }, "slash command failed");
      }
    });
  });
}

function registerDirectMessages(app: App, { bot, client, people, log, later }: Deps): void {
  app.event("message", async ({ event, body }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || "bot_id" in event) return;
    // Slack retries a delivery it thinks failed; only a repeated event_id is a duplicate.
    if (!bot.firstSeen(`slack:event:${body.event_id}`)) return;
    later(async () => {
      try {
        const actor = await people.actor(event.user);
        const text = await withRealNames(people, unescapeSlack(event.text ?? ""));
        const reply = await bot.command({ platform: PLATFORM, actor, text });
        await client.chat.postMessage({ channel: event.channel, ...renderMessage(reply.message) });
      } catch (error) {
        log.error({ event: body.event_id, user: event.user, err: codeOf(error) }, "direct message failed");
      }
    });
  });
}

function registerBlockActions(app: App, { bot, client, people, log, later }: Deps): void {
  app.action({ type: "block_actions" }, async ({ ack, body, respond }) => {
    await ack();
    const parsed = BlockActionPayload.safeParse(body);
    if (!parsed.success) {
      log.warn({ user: (body as { user?: { id?: string } }).user?.id }, "ignored a malformed button click");
      return;
    }
    const payload = parsed.data;
    const clicked = payload.actions[0];
    // A link button opens its address in the browser; there is nothing for the bot to do.
    if (!clicked || actionFromActionId(clicked.action_id) === LINK_ACTION) return;
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    // An ephemeral message cannot be edited with chat.update; respond() replaces it instead.
    const ts = payload.container?.is_ephemeral
      ? undefined
      : (payload.container?.message_ts ?? payload.message?.ts);
    // A button in the App Home (the same items as /mine) has no message to replace.
    const home = payload.container?.type === "view" && payload.view?.type === "home";
    // The trigger_id lasts 3 seconds; the queue lets an answer wait at most half a second.
    later(async () => {
      try {
        const actor = await people.actor(payload.user.id, payload.user.name ?? payload.user.username);
        const action = actionFromActionId(clicked.action_id);
        const result = bot.action({ platform: PLATFORM, actor, action, value: clicked.value ?? "" });
        if (result.kind === "form") {
          const metadata: FormMetadata = {
            action: result.form.action,
            context: result.form.context,
            channel,
            ts,
            ...(home ? { home } : {}),
          };
          await client.views.open({
            trigger_id: payload.trigger_id,
            view: renderForm(result.form, JSON.stringify(metadata)),
          });
          return;
        }
        if (home) {
          await answerFromHome(bot, client, actor, result, payload.user.id);
          return;
        }
        await applyResult(client, result, { channel, ts, user: payload.user.id }, respond);
      } catch (error) {
        log.error(
          { user: payload.user.id, action: clicked.action_id, err: codeOf(error) },
          "button click failed",
        );
      }
    });
  });
}

function registerFormSubmissions(app: App, { bot, client, people, log }: Deps): void {
  app.view(FORM_CALLBACK_ID, async ({ ack, body }) => {
    const parsed = ViewSubmissionPayload.safeParse(body);
    const metadata = parsed.success ? parseFormMetadata(parsed.data.view.private_metadata) : undefined;
    if (!parsed.success || !metadata) {
      const raw = body as { user?: { id?: string }; view?: { id?: string } };
      log.warn({ user: raw.user?.id, view: raw.view?.id }, "ignored a malformed form submission");
      await ack();
      return;
    }
    const { user, view } = parsed.data;
    try {
      const actor = await people.actor(user.id, user.name ?? user.username);
      const fields = readFormFields(view.state.values);
      // The core answers synchronously, so its answer can ride on the ack itself.
      const result = bot.action({
        platform: PLATFORM,
        actor,
        action: metadata.action,
        value: metadata.context,
        fields,
      });
      if (result.kind === "form") {
        const next: FormMetadata = { ...metadata, action: result.form.action, context: result.form.context };
        await ack({ response_action: "update", view: renderForm(result.form, JSON.stringify(next)) });
        return;
      }
      if (result.kind === "reply") {
        await ack({ response_action: "update", view: renderMessageModal(result.message, "Common Purpose") });
        return;
      }
      await ack();
      if (metadata.home) {
        await answerFromHome(bot, client, actor, result, user.id);
        return;
      }
      await applyResult(client, result, { channel: metadata.channel, ts: metadata.ts, user: user.id });
    } catch (error) {
      log.error({ user: user.id, view: view.id, err: codeOf(error) }, "form submission failed");
    }
  });
}

function registerHome(app: App, { bot, client, people, log, later }: Deps): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    if (!bot.firstSeen(`slack:event:${body.event_id}`)) return;
    later(async () => {
      try {
        const actor = await people.actor(event.user);
        await client.views.publish({ user_id: event.user, view: renderHome(bot.home(actor)) });
      } catch (error) {
        log.error({ event: body.event_id, user: event.user, err: codeOf(error) }, "home tab failed");
      }
    });
  });
}

/**
 * A click (or a form opened by one) in the App Home: what would have replaced the message goes
 * to the person's direct message with the bot instead, and the Home is published again so what
 * was just done leaves it.
 */
async function answerFromHome(
  bot: Bot,
  client: webApi.WebClient,
  actor: Parameters<Bot["home"]>[0],
  result: Exclude<ActionResult, { kind: "form" }>,
  user: string,
): Promise<void> {
  await client.chat.postMessage({ channel: user, ...renderMessage(result.message) });
  await client.views.publish({ user_id: user, view: renderHome(bot.home(actor)) });
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * Mentions carry a handle (`<@U2|sam>`) or nothing (`<@U2>`); people should be greeted by the
 * name they chose, so each mention is rewritten with the real name from users.info.
 */
async function withRealNames(people: SlackPeople, text: string): Promise<string> {
  const ids = [...new Set([...text.matchAll(MENTION)].map((m) => m[1] as string))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await people.lookup(id);
    if (user) names.set(id, user.name.replace(/[|>]/g, ""));
  }
  return text.replace(MENTION, (whole, id: string) => (names.has(id) ? `<@${id}|${names.get(id)}>` : whole));
}

interface Origin {
  channel?: string | undefined;
  ts?: string | undefined;
  user: string;
}

/**
 * `update` replaces the clicked message, so it cannot be answered twice; `reply` goes only to
 * the person who clicked (ephemeral in a channel, a plain message in the bot's DM).
 */
async function applyResult(
  client: webApi.WebClient,
  result: Exclude<ActionResult, { kind: "form" }>,
  origin: Origin,
  respond?: RespondFn,
): Promise<void> {
  const rendered = renderMessage(result.message);
  if (result.kind === "update") {
    if (origin.channel && origin.ts) {
      await client.chat.update({ channel: origin.channel, ts: origin.ts, ...rendered });
    } else if (respond) {
      await respond({ replace_original: true, ...rendered });
    }
    return;
  }
  await replyPrivately(client, result.message, origin);
}

async function replyPrivately(client: webApi.WebClient, message: Message, origin: Origin): Promise<void> {
  const rendered = renderMessage(message);
  if (origin.channel?.startsWith("D") || !origin.channel) {
    await client.chat.postMessage({ channel: origin.channel ?? origin.user, ...rendered });
    return;
  }
  await client.chat.postEphemeral({ channel: origin.channel, user: origin.user, ...rendered });
}

/** An error's code for the logs: never its message, which may quote what people wrote. */
function codeOf(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.data?.error ?? e?.code ?? (error instanceof Error ? error.name : "unknown");
}
