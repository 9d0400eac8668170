/**
 * What adapters keep about their own addresses (a Slack DM channel id, a Teams
 * ConversationReference), one namespace per platform. The core never reads it: JSON in, JSON
 * out. A row about one person carries that person's key, so forgetting them removes it
 * whatever the adapter's own keys look like.
 */
export interface AdapterDataStore {
  /**
   * Writes `data` under (platform, key). `personKey` names the person the row is about; left
   * out, a row keeps the person it already had.
   */
  put(platform: string, key: string, data: unknown, now: Date, personKey?: string): void;
  get(platform: string, key: string): unknown;
}

/** One adapter's own key-value store, as the bot hands it out (`bot.adapterData("slack")`). */
export interface AdapterData {
  get(key: string): unknown;
  /** `personKey` (e.g. `slack:U123`) is the person this row is about, if it is about one. */
  put(key: string, value: unknown, personKey?: string): void;
}
