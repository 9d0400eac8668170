import type { Core } from "../ports/core.ts";
import type { OutboxRow } from "../ports/store.ts";

/**
 * The platform reference of the message an update row rewrites, or undefined when it cannot go
 * now: the row is then finished or put back here. Waits (not an attempt) while that message
 * is still to be sent — it already carries the newest words, but may be in flight with older
 * ones; drops the update when it was never sent, or the platform gave no reference.
 */
export function updateTarget(core: Core, row: OutboxRow, gateway: { update?: unknown }): string | undefined {
  const now = core.clock.now();
  const original = core.store.outbox.byKey(row.updatesKey ?? "");
  if (original?.status === "pending") {
    const at = Math.max(original.nextAttemptAt.getTime(), now.getTime()) + 1000;
    core.store.outbox.retryLater(row.id, new Date(at), "waiting for the message it updates", false);
    return undefined;
  }
  const reason =
    original?.status !== "sent"
      ? "nothing to update"
      : !original.platformRef || !gateway.update
        ? "cannot update in place"
        : "";
  if (reason) {
    core.store.outbox.finish(row.id, "dropped", reason, now);
    core.log.info({ outbox: row.id, reason }, "dropped an update");
    return undefined;
  }
  return original?.platformRef ?? undefined;
}
