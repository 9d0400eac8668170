import {
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TeamsInfo,
  type TurnContext,
} from "botbuilder";
import type { Message } from "../../src/messages/message.ts";
import {
  type ChannelPerson,
  type ChatGateway,
  DeliveryError,
  type SentRef,
} from "../../src/ports/chat-gateway.ts";
import type { Logger } from "../../src/ports/logger.ts";
import { messageActivity } from "./adaptive-card.ts";
import { PREFIX, type ReferenceBook, type StoredAddress } from "./conversation-references.ts";

/** The most the paged roster API returns at once (Teams allows 50 to 500). */
const ROSTER_PAGE = 500;
/** When Teams throttles without saying for how long. */
const DEFAULT_PAUSE_MS = 2_000;

/**
 * What the outbox may ask of Teams at once: the connector allows a bot 7 messages a second per
 * conversation and about 50 requests a second per app per tenant (older docs said 30). We keep
 * just under both — 49 a second, one spare for the network's jitter, and a conversation's sends
 * at least 1/7 s apart — with enough in flight to reach that rate 120 ms away (49 × 0.13 s ≈ 7;
 * 16 leaves room for slow answers). A 429 still pauses the conversation for Retry-After.
 */
export const TEAMS_SEND_LIMITS = { concurrency: 16, perSecond: 49, perAddressGapMs: 143 } as const;

export interface TeamsGatewayDeps {
  adapter: CloudAdapter;
  /** The bot's app id ("" in local mode): proactive turns are made in its name. */
  appId: string;
  book: ReferenceBook;
  log: Logger;
}

/**
 * The core's way out to Teams. Every send is proactive, through a stored conversation
 * reference (continueConversationAsync): a person's 1:1 chat, or a workstream's channel. A team
 * member with no 1:1 chat yet gets one created first. Someone we know nothing about cannot be
 * reached: the outbox then tells the coordinators. The SDK's own retries are switched off
 * (see teams-app.ts), so every failure comes straight back here and the outbox decides.
 */
export function createTeamsGateway({ adapter, appId, book, log }: TeamsGatewayDeps): ChatGateway {
  async function inConversation<T>(
    reference: Partial<ConversationReference>,
    fn: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    let result: { value: T } | { error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, reference as ConversationReference, async (context) => {
      // The continuation activity has a made-up id; left in place, every send would become a
      // "reply" to it (a thread reply to nothing, in a channel) instead of a new message.
      context.activity.id = undefined as unknown as string;
      // Kept here rather than thrown: the adapter's onTurnError would swallow it.
      try {
        result = { value: await fn(context) };
      } catch (error) {
        result = { error };
      }
    });
    if (!result) throw new DeliveryError({ kind: "transient" }, "the proactive turn did not run");
    if ("error" in result) throw result.error;
    return result.value;
  }

  /** Creates the 1:1 chat with a team member (allowed once the app is in a team they are in). */
  async function openChat(
    address: string,
    member: Extract<StoredAddress, { kind: "member" }>,
  ): Promise<Partial<ConversationReference>> {
    const seed: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: member.serviceUrl,
      bot: { id: member.botId, name: "" },
      user: { id: member.userId, name: "" },
      conversation: { id: "new", isGroup: false, conversationType: "personal", name: "" },
    };
    // Made inside a turn so it uses the same retry-free connector client as every other call.
    const created = await inConversation(seed, (context) =>
      connectorOf(adapter, context).conversations.createConversation({
        isGroup: false,
        bot: { id: member.botId, name: "" },
        members: [{ id: member.userId, name: "" }],
        ...(member.tenantId ? { tenantId: member.tenantId } : {}),
        channelData: member.tenantId ? { tenant: { id: member.tenantId } } : {},
      }),
    );
    if (!created.id) throw new DeliveryError({ kind: "transient" }, "createConversation returned no id");
    const reference: Partial<ConversationReference> = {
      ...seed,
      conversation: {
        id: created.id,
        isGroup: false,
        conversationType: "personal",
        name: "",
        ...(member.tenantId ? { tenantId: member.tenantId } : {}),
      },
    };
    book.rememberChat(address, reference);
    log.info({ address }, "opened a Teams 1:1 chat");
    return reference;
  }

  return {
    platform: "teams",
    // Teams throttles each conversation on its own: one busy chat must not hold up the rest.
    rateLimitScope: "address",
    limits: TEAMS_SEND_LIMITS,
    async send(address: string, message: Message): Promise<SentRef> {
      try {
        const stored = book.get(address);
        if (!stored) {
          throw new DeliveryError({ kind: "unreachable" }, "no conversation reference: app not installed");
        }
        const reference = stored.kind === "conversation" ? stored.reference : await openChat(address, stored);
        const sent = await inConversation(reference, (context) =>
          context.sendActivity(messageActivity(message)),
        );
        // Kept by the outbox so the message can be updated in place (updateActivity needs both).
        return sent?.id
          ? JSON.stringify({ conversationId: reference.conversation?.id, activityId: sent.id })
          : undefined;
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async update(address: string, ref: string, message: Message): Promise<void> {
      const { conversationId, activityId } = JSON.parse(ref) as {
        conversationId?: string;
        activityId: string;
      };
      try {
        const stored = book.get(address);
        if (stored?.kind !== "conversation") {
          throw new DeliveryError({ kind: "unreachable" }, "no conversation reference to update in");
        }
        // The message lives in the conversation it was sent to, even if a newer chat is stored.
        const reference = conversationId
          ? { ...stored.reference, conversation: { ...stored.reference.conversation, id: conversationId } }
          : stored.reference;
        await inConversation(reference as Partial<ConversationReference>, (context) =>
          context.updateActivity({ ...messageActivity(message), id: activityId }),
        );
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async listChannelMembers(channel: string): Promise<ChannelPerson[]> {
      const stored = book.get(channel);
      if (stored?.kind !== "conversation") throw new Error("no reference for this channel");
      const { reference, teamId } = stored;
      const people: ChannelPerson[] = [];
      await inConversation(reference, async (context) => {
        let token: string | undefined;
        do {
          const page = teamId
            ? await TeamsInfo.getPagedTeamMembers(context, teamId, ROSTER_PAGE, token)
            : await TeamsInfo.getPagedMembers(context, ROSTER_PAGE, token);
          for (const member of page.members ?? []) {
            // 28: is a bot (this one, or another app in the team).
            if (!member.id || member.id.startsWith("28:")) continue;
            people.push({ key: PREFIX + member.id, name: member.name || "Someone", dm: PREFIX + member.id });
            book.rememberMember(member.id, {
              serviceUrl: reference.serviceUrl ?? "",
              botId: reference.bot?.id ?? "",
              tenantId: reference.conversation?.tenantId ?? member.tenantId,
            });
          }
          token = page.continuationToken || undefined;
        } while (token);
      });
      return people;
    },
  };
}

/** The one connector call the SDK's TurnContext has no helper for. */
interface Connector {
  conversations: { createConversation(parameters: ConversationParameters): Promise<{ id?: string }> };
}

function connectorOf(adapter: CloudAdapter, context: TurnContext): Connector {
  return context.turnState.get(adapter.ConnectorClientKey) as Connector;
}

/**
 * Maps a Bot Connector failure onto the outbox's three kinds. 403 (MessageWritesBlocked: the
 * person blocked or removed the app) and 404 (the conversation is gone) will not get better.
 * 429 and 412 are Teams throttling; 5xx and network failures are worth another try later.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { statusCode?: number; code?: string; response?: { headers?: unknown } };
  const status = e.statusCode;
  if (status === 403 || status === 404) {
    return new DeliveryError({ kind: "unreachable" }, `teams http ${status}`);
  }
  if (status === 429 || status === 412) {
    const seconds = Number(headerOf(e.response?.headers, "retry-after"));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_PAUSE_MS;
    return new DeliveryError({ kind: "rate-limited", retryAfterMs }, `teams http ${status}`);
  }
  return new DeliveryError(
    { kind: "transient" },
    status ? `teams http ${status}` : (e.code ?? "teams failed"),
  );
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const h = headers as { get?: (n: string) => string | undefined } & Record<string, unknown>;
  if (typeof h.get === "function") return h.get(name) ?? undefined;
  const value = h[name];
  return typeof value === "string" ? value : undefined;
}
