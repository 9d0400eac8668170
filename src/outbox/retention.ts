import type { Core } from "../ports/core.ts";

const DAY_MS = 86_400_000;

/**
 * Sent messages' bodies are not kept longer than OUTBOX_RETENTION_DAYS (PRODUCT.md §15): each
 * tick empties those (and dropped or failed ones) that finished before then. The rows stay, with
 * their keys, so the same work found again is still recognised as done and never sent twice.
 */
export function emptyOldMessages(core: Core): number {
  const before = new Date(core.clock.now().getTime() - core.outboxRetentionDays * DAY_MS);
  const emptied = core.store.outbox.emptyFinishedBefore(before);
  if (emptied > 0) core.log.info({ emptied }, "removed the bodies of old messages");
  return emptied;
}

/** Long past every platform's retries (Slack's last is about an hour after the first). */
const DELIVERY_MEMORY_DAYS = 7;
/** Per tick, so a first prune of a long-running database is spread over a few minutes. */
const FORGET_BATCH = 1_000;

/**
 * Platform deliveries already handled are remembered only to ignore a redelivery; each tick
 * forgets those first seen more than a week ago, so the table stops growing with every message.
 */
export function forgetOldDeliveries(core: Core): number {
  const before = new Date(core.clock.now().getTime() - DELIVERY_MEMORY_DAYS * DAY_MS);
  return core.store.inbound.forgetBefore(before, FORGET_BATCH);
}
