import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/ports/logger.ts";

/** What the bot needs to know about a Slack user. */
export interface SlackUser {
  name: string;
  bot: boolean;
}

/** A person as the core knows them: key and DM address are both `slack:<user id>`. */
export interface SlackActor {
  key: string;
  name: string;
  dm: string;
}

/** The key the core knows a Slack user by (also their DM address). */
export const slackPersonKey = (userId: string): string => `slack:${userId}`;

// Names change rarely; an hour keeps users.info (Tier 4) off the path of most commands.
const TTL_MS = 60 * 60_000;
// A failed lookup is not retried on every command either (users.info is rate-limited too).
const MISS_TTL_MS = 5 * 60_000;

/**
 * Real names from users.info, cached in memory. The slash command payload only carries the
 * handle (`user_name`), while people should be greeted by the name they chose.
 */
export function createSlackPeople(client: webApi.WebClient, log: Logger, now: () => number = Date.now) {
  const cache = new Map<string, { user: SlackUser; at: number }>();
  const misses = new Map<string, number>();

  async function lookup(userId: string): Promise<SlackUser | undefined> {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < TTL_MS) return hit.user;
    if (now() - (misses.get(userId) ?? Number.NEGATIVE_INFINITY) < MISS_TTL_MS) return hit?.user;
    try {
      const { user } = await client.users.info({ user: userId });
      if (!user) {
        misses.set(userId, now());
        return hit?.user;
      }
      const name =
        user.profile?.real_name || user.real_name || user.profile?.display_name || user.name || userId;
      const found = { name, bot: Boolean(user.is_bot || user.deleted || userId === "USLACKBOT") };
      cache.set(userId, { user: found, at: now() });
      return found;
    } catch (error) {
      misses.set(userId, now());
      log.warn(
        { user: userId, err: (error as { code?: string }).code ?? "unknown" },
        "could not look up a Slack user",
      );
      return hit?.user;
    }
  }

  return {
    lookup,
    /** The person behind a Slack user id; `fallbackName` (the handle) when users.info fails. */
    async actor(userId: string, fallbackName?: string): Promise<SlackActor> {
      const user = await lookup(userId);
      const key = slackPersonKey(userId);
      return { key, name: user?.name ?? fallbackName ?? userId, dm: key };
    },
  };
}

export type SlackPeople = ReturnType<typeof createSlackPeople>;
