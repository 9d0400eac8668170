import { DeliveryError, platformOf } from "../ports/chat-gateway.ts";
import type { Core } from "../ports/core.ts";
import type { OutboxRow } from "../ports/store.ts";
import { tellCoordinators } from "./unreachable.ts";

const BATCH = 200;
/**
 * The longest wait between two tries. Short, so delivery resumes within minutes of a platform
 * coming back; the number of tries is never capped — a message is retried until it is stale.
 */
const MAX_BACKOFF_MS = 5 * 60_000;
/** A message with no moment of its own to be stale at is stale this long after it was due. */
const STALE_AFTER_MS = 7 * 24 * 3_600_000;
/** A send that never answers must not hold up every message behind it (nor the scheduler's tick). */
const SEND_TIMEOUT_MS = 30_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Delivers due outbox rows. A row is marked sent only after the platform accepted it, so a
 * crash can at most repeat the sends in flight, never lose one. Rate limits pause that
 * platform for Retry-After (Slack's limits are per workspace, so the next row would only be
 * refused too); other failures back off exponentially, up to a few minutes, for as long as the
 * message still makes sense; someone unreachable is not retried.
 */
export function createSender(core: Core) {
  const pausedUntil = new Map<string, number>();
  let running: Promise<number> | undefined;
  let again = false;
  /** Slack pauses the whole platform on a 429; Teams only the conversation that was throttled. */
  const pauseKey = (address: string) => {
    const platform = platformOf(address);
    return core.gateways.get(platform)?.rateLimitScope === "address" ? address : platform;
  };

  async function deliverBatch(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = core.clock.now();
      const rows = core.store.outbox
        .due(now, BATCH)
        .filter((r) => (pausedUntil.get(pauseKey(r.address)) ?? 0) <= now.getTime());
      if (rows.length === 0) return sent;
      for (const row of rows) {
        if ((pausedUntil.get(pauseKey(row.address)) ?? 0) > core.clock.now().getTime()) continue;
        try {
          if (await deliverOne(row)) sent++;
        } catch (error) {
          // One bad row must not stop the rows behind it: it waits, the others go.
          core.store.outbox.retryLater(
            row.id,
            new Date(core.clock.now().getTime() + MAX_BACKOFF_MS),
            "unexpected error",
          );
          core.log.error(
            { outbox: row.id, err: error instanceof Error ? error.name : "unknown" },
            "could not deliver a row",
          );
        }
      }
    }
  }

  async function deliverOne(row: OutboxRow): Promise<boolean> {
    const now = core.clock.now();
    const { outbox } = core.store;
    const staleAt = row.expiresAt?.getTime() ?? row.notBefore.getTime() + STALE_AFTER_MS;
    if (staleAt <= now.getTime()) {
      // Tried and failed before (attempts > 0): the coordinator's next digest counts it.
      outbox.finish(row.id, "dropped", "stale", now);
      core.log.warn(
        { outbox: row.id, key: row.key, attempts: row.attempts },
        "dropped a stale message: it no longer made sense to send",
      );
      return false;
    }
    // Someone removed from the workstream since this was queued (held overnight, say), or who
    // no longer holds the role it was for, does not get it: a coordinator's support requests
    // must not reach a former coordinator.
    if (row.personId != null && row.workstreamId != null) {
      const member = core.store.members.get(row.workstreamId, row.personId);
      const reason = !member
        ? "no longer a member"
        : row.audience && member.role !== row.audience
          ? "role changed"
          : "";
      if (reason) {
        outbox.finish(row.id, "dropped", reason, now);
        core.log.info(
          { outbox: row.id, person: row.personId, reason },
          "dropped a message for someone it is no longer for",
        );
        return false;
      }
    }
    if (row.isReminder && row.personId !== null && row.personId !== undefined) {
      const person = core.store.people.byId(row.personId);
      if (person?.quietUntil && person.quietUntil.getTime() > now.getTime()) {
        outbox.finish(row.id, "dropped", "quiet", now);
        core.log.info(
          { outbox: row.id, person: row.personId },
          "skipped a reminder: the person asked for quiet",
        );
        return false;
      }
    }
    const platform = platformOf(row.address);
    const gateway = core.gateways.get(platform);
    if (!gateway) {
      outbox.retryLater(row.id, new Date(now.getTime() + MAX_BACKOFF_MS), `no gateway for ${platform}`);
      core.log.error({ outbox: row.id, platform }, "no gateway for this platform; will try again later");
      return false;
    }
    // An update row (PRODUCT.md §11) rewrites a message already sent, by the reference the
    // platform gave it; when there is nothing to update yet (or ever), updateTarget says so.
    const target = row.updatesKey ? updateTarget(row, gateway) : undefined;
    if (row.updatesKey && target === undefined) return false;
    try {
      const ref =
        target !== undefined && gateway.update
          ? await withTimeout(gateway.update(row.address, target, row.message), SEND_TIMEOUT_MS)
          : await withTimeout(gateway.send(row.address, row.message), SEND_TIMEOUT_MS);
      // The sent message's reference is kept, so it can be updated in place later.
      outbox.markSent(row.id, core.clock.now(), typeof ref === "string" ? ref : undefined);
      return true;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error.failure : ({ kind: "transient" } as const);
      const detail = error instanceof Error ? error.message : String(error);
      const at = core.clock.now().getTime();
      if (failure.kind === "rate-limited") {
        pausedUntil.set(pauseKey(row.address), at + failure.retryAfterMs);
        // Waiting out a rate limit is not a failed attempt: it must never use up the retries.
        outbox.retryLater(row.id, new Date(at + failure.retryAfterMs), "rate limited", false);
        core.log.warn(
          { outbox: row.id, platform, retryAfterMs: failure.retryAfterMs },
          "rate limited; pausing",
        );
      } else if (failure.kind === "unreachable") {
        outbox.finish(row.id, "failed", detail, core.clock.now());
        core.log.error(
          { outbox: row.id, key: row.key, attempts: row.attempts + 1, failure: failure.kind },
          "gave up on a message",
        );
        // An update that cannot land (the message was deleted) reached them before: nobody to tell.
        if (!row.updatesKey) tellCoordinators(core, row);
      } else {
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** row.attempts);
        outbox.retryLater(row.id, new Date(at + backoff), detail);
        core.log.warn(
          { outbox: row.id, attempts: row.attempts + 1, backoffMs: backoff },
          "send failed; will retry",
        );
      }
      return false;
    }
  }

  /**
   * The platform reference of the message an update row rewrites, or undefined when it cannot go
   * now: the row is then finished or put back here. Waits (not an attempt) while that message
   * is still to be sent — it already carries the newest words, but may be in flight with older
   * ones; drops the update when it was never sent, or the platform gave no reference.
   */
  function updateTarget(row: OutboxRow, gateway: { update?: unknown }): string | undefined {
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

  return {
    /** Sends everything due now; concurrent calls share one run. Resolves to how many were sent. */
    deliver(): Promise<number> {
      if (running) {
        // A row queued while a run is finishing must not wait for the next tick.
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await deliverBatch();
        } while (again);
        return total;
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    /** When the next row will be due (for a wake-up timer), or undefined when none is waiting. */
    nextDueAt: () => core.store.outbox.nextDueAt(),
  };
}

export type Sender = ReturnType<typeof createSender>;
