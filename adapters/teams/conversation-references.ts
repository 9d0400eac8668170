import type { Activity, ConversationReference } from "botbuilder";
import type { AdapterData } from "../../src/ports/adapter-data.ts";

/**
 * What we keep about a Teams address, so the bot can write to it later (Teams only lets a bot
 * message someone after it was installed for them or in a team they are in):
 * - `conversation`: a stored ConversationReference (a 1:1 chat, or a channel), used with
 *   continueConversationAsync;
 * - `member`: someone seen in a team (a channel message, the roster) with no 1:1 chat yet;
 *   enough to create one.
 */
export type StoredAddress =
  | { kind: "conversation"; reference: Partial<ConversationReference>; teamId?: string }
  | { kind: "member"; serviceUrl: string; tenantId?: string; userId: string; botId: string };

/** `teams:` + a Teams user id (29:…) or conversation id (19:…@thread…, a:…). */
export const PREFIX = "teams:";

/** A channel conversation id without the `;messageid=` of the thread a message arrived in. */
export function channelConversationId(id: string): string {
  return id.split(";")[0] ?? id;
}

/** The person a stored address belongs to (their key, `teams:29:…`), if it is a person's. */
function personOf(stored: StoredAddress): string | undefined {
  if (stored.kind === "member") return PREFIX + stored.userId;
  const user = stored.reference.user?.id;
  return user ? PREFIX + user : undefined;
}

/**
 * The reference book, kept in SQLite through the Teams adapter's own data (JSON in, JSON
 * out, from `bot.adapterData("teams")`), so it survives restarts.
 */
export function createReferenceBook(data: AdapterData) {
  function put(address: string, stored: StoredAddress): void {
    // Every message carries the reference again: the store skips a write that changes nothing.
    data.put(address, stored, personOf(stored));
  }

  function get(address: string): StoredAddress | undefined {
    const stored = data.get(address) as StoredAddress | undefined;
    return stored?.kind === "conversation" || stored?.kind === "member" ? stored : undefined;
  }

  /** Someone in a team we may write to; never replaces a real 1:1 chat reference. */
  function rememberMember(
    userId: string,
    where: { serviceUrl: string; botId: string; tenantId?: string | undefined },
  ): void {
    const address = PREFIX + userId;
    if (get(address)?.kind === "conversation") return;
    put(address, {
      kind: "member",
      serviceUrl: where.serviceUrl,
      userId,
      botId: where.botId,
      ...(where.tenantId ? { tenantId: where.tenantId } : {}),
    });
  }

  return {
    get,
    /**
     * Remembers where this activity came from: a 1:1 chat under the person's address, a
     * channel (or group chat) under its own, and the sender as a team member who can be
     * written to later.
     */
    remember(activity: Partial<Activity>): void {
      const { conversation, from, recipient, serviceUrl } = activity;
      if (!conversation?.id || !serviceUrl || !recipient?.id) return;
      const reference: Partial<ConversationReference> = {
        channelId: activity.channelId ?? "msteams",
        serviceUrl,
        bot: { id: recipient.id, name: recipient.name ?? "" },
        conversation: {
          ...conversation,
          id: channelConversationId(conversation.id),
          isGroup: conversation.isGroup ?? false,
          conversationType: conversation.conversationType ?? "personal",
          name: conversation.name ?? "",
        },
      };
      if (conversation.conversationType === "personal" || !conversation.conversationType) {
        if (!from?.id) return;
        put(PREFIX + from.id, {
          kind: "conversation",
          reference: { ...reference, user: { id: from.id, name: from.name ?? "" } },
        });
        return;
      }
      const channelData = activity.channelData as
        | { team?: { id?: string }; tenant?: { id?: string } }
        | undefined;
      const teamId = channelData?.team?.id;
      put(PREFIX + reference.conversation?.id, {
        kind: "conversation",
        reference,
        ...(teamId ? { teamId } : {}),
      });
      if (from?.id && from.id !== recipient.id) {
        rememberMember(from.id, {
          serviceUrl,
          botId: recipient.id,
          tenantId: conversation.tenantId ?? channelData?.tenant?.id,
        });
      }
    },
    rememberMember,
    /** The app was removed here: later messages are reported as unreachable instead. */
    forget(address: string): void {
      // The row keeps the person it was about, so forgetting them still removes it.
      data.put(address, { kind: "gone" });
    },
    /** A 1:1 chat the bot created itself: from now on it is used directly. */
    rememberChat(address: string, reference: Partial<ConversationReference>): void {
      put(address, { kind: "conversation", reference });
    },
  };
}

export type ReferenceBook = ReturnType<typeof createReferenceBook>;
