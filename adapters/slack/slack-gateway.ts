import type { webApi } from "@slack/bolt";
import type { Message } from "../../src/messages/message.ts";
import {
  type ChannelPerson,
  type ChatGateway,
  DeliveryError,
  type SentRef,
} from "../../src/ports/chat-gateway.ts";
import { renderMessage } from "./block-kit.ts";
import type { SlackPeople } from "./slack-people.ts";

type WebClient = webApi.WebClient;

/** Slack errors that mean this person or channel cannot be reached: retrying will not help. */
const UNREACHABLE = new Set([
  "user_not_found",
  "users_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "account_inactive",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "messages_tab_disabled",
  "restricted_action",
]);

/** chat.update errors that mean this message will never take an update. */
const CANNOT_UPDATE = new Set(["message_not_found", "cant_update_message", "edit_window_closed"]);

/**
 * What the outbox may ask of Slack at once. chat.postMessage allows about one message a second
 * per channel (a DM is a channel of its own) and a workspace-wide allowance it does not publish
 * beyond "several hundred a minute"; a 429 with Retry-After tells us when we pass it. Once a
 * minute's allowance is spent, the window frees up only as fast as it was filled, so the first
 * minute should go as fast as Slack takes it: 32 in flight is about 130 a second 120 ms away,
 * even for someone new, whose DM channel costs a conversations.open first (two round trips).
 */
export const SLACK_SEND_LIMITS = { concurrency: 32, perAddressGapMs: 1000 } as const;

/** `slack:U123` → `U123`; the part after the prefix is a Slack user or conversation id. */
export function slackId(address: string): string {
  return address.slice(address.lastIndexOf(":") + 1);
}

/** Where DM channel ids are kept across restarts (the Slack adapter's own data, in SQLite). */
export interface DmChannelBook {
  get(userId: string): string | undefined;
  put(userId: string, channel: string): void;
}

/** A book in memory only (for tests and benchmarks that do not need restarts). */
export function memoryDmChannelBook(): DmChannelBook {
  const channels = new Map<string, string>();
  return { get: (id) => channels.get(id), put: (id, channel) => channels.set(id, channel) };
}

/**
 * The core's way out to Slack. A person's address (`slack:U…`) is a direct message: the DM
 * channel comes from conversations.open and is remembered — in SQLite, since it never changes
 * and conversations.open is rate-limited (Tier 3, about 50 a minute): a restart must not open
 * every member's DM again. Channel addresses (`slack:C…`, `slack:G…`, `slack:D…`) are posted
 * to directly. The client must be built with retries off and rate-limited calls rejected: the
 * core's outbox owns retries.
 */
export function createSlackGateway(
  client: WebClient,
  people: SlackPeople,
  dmChannels: DmChannelBook = memoryDmChannelBook(),
): ChatGateway {
  async function channelFor(id: string): Promise<string> {
    if (!id.startsWith("U") && !id.startsWith("W")) return id;
    const known = dmChannels.get(id);
    if (known) return known;
    const opened = await client.conversations.open({ users: id });
    const channel = opened.channel?.id;
    if (!channel) throw new DeliveryError({ kind: "transient" }, "conversations.open returned no channel");
    dmChannels.put(id, channel);
    return channel;
  }

  return {
    platform: "slack",
    limits: SLACK_SEND_LIMITS,
    async send(address: string, message: Message): Promise<SentRef> {
      try {
        const channel = await channelFor(slackId(address));
        const posted = await client.chat.postMessage({ channel, ...renderMessage(message) });
        // Kept by the outbox so the message can be updated in place (chat.update needs both).
        return posted.ts ? JSON.stringify({ channel: posted.channel ?? channel, ts: posted.ts }) : undefined;
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async update(_address: string, ref: string, message: Message): Promise<void> {
      const { channel, ts } = JSON.parse(ref) as { channel: string; ts: string };
      try {
        await client.chat.update({ channel, ts, ...renderMessage(message) });
      } catch (error) {
        // The message was deleted, or can no longer be edited: trying again will not help.
        const code = (error as { data?: { error?: string } }).data?.error ?? "";
        if (CANNOT_UPDATE.has(code)) throw new DeliveryError({ kind: "unreachable" }, `slack error ${code}`);
        throw toDeliveryError(error);
      }
    },
    async listChannelMembers(channel: string): Promise<ChannelPerson[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.conversations.members({
          channel: slackId(channel),
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        ids.push(...(page.members ?? []));
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      const found: ChannelPerson[] = [];
      for (const id of ids) {
        const person = await people.lookup(id);
        if (person && !person.bot) found.push({ key: `slack:${id}`, name: person.name, dm: `slack:${id}` });
      }
      return found;
    },
  };
}

/** Maps a Web API failure onto the outbox's three kinds: slow down, give up, or try again. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    headers?: Record<string, string>;
    data?: { error?: string };
  };
  if (e.code === "slack_webapi_rate_limited_error") {
    return new DeliveryError(
      { kind: "rate-limited", retryAfterMs: secondsToMs(e.retryAfter) },
      "slack rate limited",
    );
  }
  if (e.code === "slack_webapi_http_error" && e.statusCode === 429) {
    return new DeliveryError(
      { kind: "rate-limited", retryAfterMs: secondsToMs(Number(e.headers?.["retry-after"])) },
      "slack rate limited",
    );
  }
  if (e.code === "slack_webapi_platform_error") {
    const code = e.data?.error ?? "unknown";
    if (code === "ratelimited")
      return new DeliveryError({ kind: "rate-limited", retryAfterMs: 60_000 }, "slack rate limited");
    return new DeliveryError(
      { kind: UNREACHABLE.has(code) ? "unreachable" : "transient" },
      `slack error ${code}`,
    );
  }
  if (e.code === "slack_webapi_http_error")
    return new DeliveryError({ kind: "transient" }, `slack http ${e.statusCode}`);
  return new DeliveryError({ kind: "transient" }, e.code ?? "slack request failed");
}

function secondsToMs(seconds: number | undefined): number {
  return Number.isFinite(seconds) && (seconds as number) > 0 ? (seconds as number) * 1000 : 60_000;
}
