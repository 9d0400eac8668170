import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import type { Bot } from "../../src/bot.ts";
import { code, rich } from "../../src/domain/rich-text.ts";
import { message } from "../../src/messages/message.ts";
import type { ChatGateway } from "../../src/ports/chat-gateway.ts";
import type { Logger } from "../../src/ports/logger.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import {
  type AdaptiveCard,
  CARD_CONTENT_TYPE,
  cardActivity,
  messageActivity,
  readSubmission,
  renderCard,
  renderFormCard,
} from "./adaptive-card.ts";
import { channelConversationId, PREFIX, type ReferenceBook } from "./conversation-references.ts";
import { commandText } from "./teams-text.ts";

/** What the turn handler needs: the core, the reference book and the way out. */
export interface InboundDeps {
  bot: Bot;
  book: ReferenceBook;
  gateway: ChatGateway;
  log: Logger;
}

const PLATFORM = "teams";
/** How long an answered card invoke is remembered, to answer Teams' retries identically. */
const INVOKE_MEMORY_MS = 10 * 60_000;

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

/**
 * Handles one Teams turn. Everything here translates and stores conversation references;
 * decisions belong to the core. Card invokes are answered in the HTTP response itself, with
 * the card that replaces the one clicked.
 */
export function createTurnHandler(deps: InboundDeps): (context: TurnContext) => Promise<void> {
  const { book, log } = deps;
  const answered = new Map<string, { at: number; body: InvokeBody }>();
  return async (context) => {
    const activity = context.activity;
    withConversationType(activity);
    try {
      switch (activity.type) {
        case ActivityTypes.Message:
          book.remember(activity);
          await onMessage(deps, context);
          return;
        case ActivityTypes.Invoke:
          book.remember(activity);
          if (activity.name === "adaptiveCard/action") await onCardAction(deps, context, answered);
          return;
        case ActivityTypes.InstallationUpdate:
          await onInstallation(deps, context);
          return;
        case ActivityTypes.ConversationUpdate:
          onConversationUpdate(deps, activity);
          return;
        default:
          return;
      }
    } catch (error) {
      log.error({ activity: activity.id, type: activity.type, err: codeOf(error) }, "teams turn failed");
      if (activity.type === ActivityTypes.Invoke) {
        await invokeResponse(context, {
          statusCode: 500,
          type: "application/vnd.microsoft.error",
          value: { code: "InternalError", message: "Something went wrong." },
        }).catch(() => undefined);
      }
    }
  };
}

const PRIVATE_ASKS = /^\/?(support|onetoone\s+request)\b/i;
const PRIVATE_HINT =
  "Next time, you can write this to me here in our chat: messages in a channel can be seen by everyone in the team.";

async function onMessage({ bot, gateway, log }: InboundDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  // Teams may deliver the same activity again when we were slow; it keeps its id.
  if (activity.id && !bot.firstSeen(`teams:activity:${activity.id}`)) return;
  const actor = actorOf(activity);
  const submission = readSubmission(activity.value);
  const claimsAction =
    typeof activity.value === "object" && activity.value !== null && "action" in activity.value;
  if (claimsAction && !submission) {
    // Action.Submit data that is not the shape our cards send: refused, never read as a command.
    log.warn(
      { activity: activity.id, user: activity.from?.id },
      "refused a card submission it could not read",
    );
    await context.sendActivity(
      messageActivity(
        message(rich`Sorry, I couldn't read that. Please try the button again, or type ${code("help")}.`),
      ),
    );
    return;
  }
  if (submission) {
    // Action.Submit from a client without Universal Actions: a message carrying the card's data.
    const result = bot.action({ platform: PLATFORM, actor, ...submission });
    await applyToCard(context, result);
    return;
  }
  const channel = channelOf(activity);
  const text = commandText(activity);
  const reply = await bot.command({ platform: PLATFORM, actor, ...(channel ? { channel } : {}), text });
  if (reply.error) log.info({ user: activity.from?.id, refusal: reply.error }, "command refused");
  if (channel) {
    // Every answer is for the person who typed (Slack shows it to them alone), and Teams has
    // no ephemeral messages: it goes to their 1:1 chat, never the thread — a chair's check-in
    // summary typed in a channel must not be read by the whole team.
    // A channel message is seen by the whole team: someone who asked there for support (or a
    // one-to-one) is gently told to use the private chat next time.
    const answer = PRIVATE_ASKS.test(text)
      ? { ...reply.message, blocks: [...reply.message.blocks, { kind: "note" as const, text: PRIVATE_HINT }] }
      : reply.message;
    try {
      await gateway.send(actor.dm, answer);
    } catch (error) {
      log.warn({ user: activity.from?.id, err: codeOf(error) }, "could not answer privately");
      // Nothing of the answer goes to the thread, not even a refusal (PRODUCT.md §3: privately).
      await context.sendActivity(
        messageActivity(
          message(
            `I couldn't message you privately, ${actor.name}. Please open a chat with me (search for Common Purpose in Teams) and try again there.`,
          ),
        ),
      );
    }
    return;
  }
  await context.sendActivity(messageActivity(reply.message));
}

/** `update` replaces the card that was clicked; a form replaces it with the form; `reply` is a new message. */
async function applyToCard(context: TurnContext, result: ActionResult): Promise<void> {
  const replyToId = context.activity.replyToId;
  const activity =
    result.kind === "form"
      ? cardActivity(renderFormCard(result.form), result.form.title)
      : messageActivity(result.message);
  if (result.kind !== "reply" && replyToId) {
    await context.updateActivity({ ...activity, id: replyToId });
    return;
  }
  await context.sendActivity(activity);
}

async function onCardAction(
  { bot, log }: InboundDeps,
  context: TurnContext,
  answered: Map<string, { at: number; body: InvokeBody }>,
): Promise<void> {
  const activity = context.activity;
  const key = `teams:activity:${activity.id}`;
  const now = Date.now();
  for (const [id, entry] of answered) if (now - entry.at > INVOKE_MEMORY_MS) answered.delete(id);
  const earlier = answered.get(key);
  if (earlier) {
    await invokeResponse(context, earlier.body);
    return;
  }
  let body: InvokeBody;
  const data = (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  const submission = readSubmission(data);
  if (!submission) {
    log.warn(
      { activity: activity.id, user: activity.from?.id },
      "refused a card submission it could not read",
    );
    body = {
      statusCode: 400,
      type: "application/vnd.microsoft.error",
      value: { code: "BadRequest", message: "This card action is not one of ours." },
    };
  } else if (activity.id && !bot.firstSeen(key)) {
    // A retry after a restart: the first answer was already recorded.
    body = cardBody(renderCard(message("Thanks — that's already recorded.")));
  } else {
    const result = bot.action({ platform: PLATFORM, actor: actorOf(activity), ...submission });
    body = cardBody(result.kind === "form" ? renderFormCard(result.form) : renderCard(result.message));
  }
  if (activity.id) answered.set(key, { at: now, body });
  await invokeResponse(context, body);
}

async function onInstallation({ book }: InboundDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const action = String(activity.action ?? "");
  if (action.startsWith("add")) {
    book.remember(activity);
    if (activity.conversation?.conversationType === "personal" && action === "add") {
      await context.sendActivity(
        messageActivity(
          message(
            `Hi ${activity.from?.name ?? "there"} — I'm Common Purpose. I'll send you meeting reminders and papers here.`,
            { kind: "note", text: rich`Type ${code("help")} to see what you can do.` },
          ),
        ),
      );
    }
    return;
  }
  if (action.startsWith("remove")) {
    // Uninstalled: forget the chat, so later messages are reported to the coordinators.
    const address =
      activity.conversation?.conversationType === "personal"
        ? PREFIX + (activity.from?.id ?? "")
        : PREFIX + channelConversationId(activity.conversation?.id ?? "");
    book.forget(address);
  }
}

function onConversationUpdate({ book }: InboundDeps, activity: Activity): void {
  const botId = activity.recipient?.id;
  for (const member of activity.membersAdded ?? []) {
    if (member.id === botId) {
      book.remember(activity);
    } else if (member.id && activity.serviceUrl && activity.conversation?.conversationType !== "personal") {
      // Someone joined a team the app is in: they can now be written to.
      book.rememberMember(member.id, {
        serviceUrl: activity.serviceUrl,
        botId: botId ?? "",
        tenantId: activity.conversation?.tenantId,
      });
    }
  }
}

/**
 * Microsoft's own documented channel message ("Full inbound schema example (bot in a channel)")
 * has no `conversation.conversationType`. Read as a 1:1 chat, its answer would go into a thread
 * the whole team reads, and the thread would be remembered as the sender's private chat. A
 * conversation in a team, or any `19:…@thread…` id, is a channel or group chat, never 1:1.
 */
function withConversationType(activity: Activity): void {
  const conversation = activity.conversation;
  if (!conversation?.id || conversation.conversationType) return;
  const inTeam = Boolean((activity.channelData as { team?: { id?: string } } | undefined)?.team?.id);
  if (!inTeam && !/@thread\./.test(conversation.id)) return;
  conversation.conversationType = inTeam ? "channel" : "groupChat";
  conversation.isGroup = true;
}

function actorOf(activity: Activity): { key: string; name: string; dm: string } {
  const id = activity.from?.id ?? "unknown";
  return { key: PREFIX + id, name: activity.from?.name?.trim() || "Someone", dm: PREFIX + id };
}

/** The workstream channel a message came from; undefined in a 1:1 chat. */
function channelOf(activity: Activity): string | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !conversation.conversationType || conversation.conversationType === "personal") {
    return undefined;
  }
  return PREFIX + channelConversationId(conversation.id);
}

function cardBody(card: AdaptiveCard): InvokeBody {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

async function invokeResponse(context: TurnContext, body: InvokeBody): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** An error's code for the logs: never its message, which may quote what people wrote. */
function codeOf(error: unknown): string {
  const e = error as { statusCode?: number; code?: string };
  return String(e?.statusCode ?? e?.code ?? (error instanceof Error ? error.name : "unknown"));
}
