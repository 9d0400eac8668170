import { DeliveryError, platformOf, type SendLimits } from "../ports/chat-gateway.ts";
import type { Core } from "../ports/core.ts";
import type { OutboxRow } from "../ports/store.ts";
import { createPacer } from "./pacer.ts";
import { tellCoordinators } from "./unreachable.ts";
import { updateTarget } from "./update-target.ts";

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
/** Sends in flight at once on a platform whose gateway states no limit. */
const DEFAULT_CONCURRENCY = 4;
/**
 * After a send finishes, how long to wait for others to finish too, so their results are
 * committed in one transaction rather than one commit each (skipped when nothing else is in flight).
 */
const COMMIT_WINDOW_MS = 10;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** What a finished send writes, run later inside one transaction with its neighbours'. */
type Commit = () => void;

/**
 * Delivers due outbox rows, several at a time per platform.
 *
 * Exactly once: a row is claimed (in this process) before it is sent, and is marked sent only
 * after the platform accepted it, in a transaction that commits the results of every send that
 * finished meanwhile. A claimed row stays claimed — its address busy and its slot taken — until
 * its result is committed, so the rows that a crash can repeat are at most the claimed ones:
 * never more than the platform's `concurrency`. Nothing is lost, since a row that was not
 * committed is still pending on disk.
 *
 * Limits: each gateway states its own (`SendLimits`): how many sends in flight, how many starts
 * a second, and the least gap between two sends to one address; sends to one address never
 * overlap, so a conversation's messages keep their order. A 429 pauses its scope for
 * Retry-After — the whole platform (Slack's limits are per workspace, so the next row would only
 * be refused too) or, for Teams, only that conversation; sends already in flight finish as they
 * will. Other failures back off exponentially, up to a few minutes, for as long as the message
 * still makes sense; someone unreachable is not retried.
 */
export function createSender(core: Core) {
  const pausedUntil = new Map<string, number>();
  /** When a send may next start, per address and per platform (the gaps and `perSecond`). */
  const pacer = createPacer();
  /**
   * Sends allowed in flight per platform now: starts at 1 and grows by one with each success up
   * to the platform's `concurrency` (doubling each round trip), and falls back on a 429, so a
   * throttled platform is probed by one request rather than hit by a volley of them.
   */
  const window = new Map<string, number>();
  let running: Promise<number> | undefined;
  let again = false;
  /** Slack pauses the whole platform on a 429; Teams only the conversation that was throttled. */
  const pauseKey = (address: string) => {
    const platform = platformOf(address);
    return core.gateways.get(platform)?.rateLimitScope === "address" ? address : platform;
  };
  const isPaused = (address: string) =>
    (pausedUntil.get(pauseKey(address)) ?? 0) > core.clock.now().getTime();
  const limitsOf = (platform: string): SendLimits => core.gateways.get(platform)?.limits ?? {};

  /** One run: sends everything due, several in flight, until nothing more can go now. */
  async function deliverAll(): Promise<number> {
    let sent = 0;
    /** Rows this run has claimed: being sent, or sent with the result not yet committed. */
    const claimed = new Set<number>();
    const busyAddresses = new Set<string>();
    const claimedPerPlatform = new Map<string, number>();
    const sending = new Set<Promise<void>>();
    let finished: Array<{ row: OutboxRow; commit: Commit; sent: boolean }> = [];
    let queue: OutboxRow[] = [];

    const release = (row: OutboxRow) => {
      claimed.delete(row.id);
      busyAddresses.delete(row.address);
      const platform = platformOf(row.address);
      claimedPerPlatform.set(platform, (claimedPerPlatform.get(platform) ?? 1) - 1);
    };

    /** Commits every finished send's result in one transaction, then frees their slots. */
    const flush = () => {
      if (finished.length === 0) return;
      const done = finished;
      finished = [];
      try {
        core.store.transaction(() => {
          for (const f of done) f.commit();
        });
        for (const f of done) if (f.sent) sent++;
      } catch (error) {
        // The rows stay pending on disk: they are sent again later, never lost.
        core.log.error(
          { rows: done.length, err: error instanceof Error ? error.name : "unknown" },
          "could not record sends",
        );
      }
      for (const f of done) release(f.row);
    };

    const start = (row: OutboxRow, platform: string, at: number) => {
      claimed.add(row.id);
      busyAddresses.add(row.address);
      claimedPerPlatform.set(platform, (claimedPerPlatform.get(platform) ?? 0) + 1);
      pacer.started(platform, row.address, limitsOf(platform), at);
      const work = send(row).then(
        (result) => finished.push({ row, ...result }),
        (error) => {
          // One bad row must not stop the rows behind it: it waits, the others go.
          finished.push({ row, sent: false, commit: unexpected(row, error) });
        },
      );
      const tracked: Promise<void> = work.then(() => {
        sending.delete(tracked);
      });
      sending.add(tracked);
    };

    let startedAny = true;
    for (;;) {
      // Look for more rows when the queue is empty, or when every queued row is waiting its turn
      // (one busy channel must not hold up the DMs behind it).
      if (queue.length === 0 || (!startedAny && queue.length < 5 * BATCH)) {
        const known = new Set(queue.map((r) => r.id));
        const more = core.store.outbox
          .due(core.clock.now(), BATCH + claimed.size + queue.length)
          .filter((r) => !claimed.has(r.id) && !known.has(r.id) && !isPaused(r.address));
        // ready() settles at once the rows that must not go (stale, say).
        const fresh = more.filter(ready);
        queue.push(...fresh);
        if (queue.length === 0 && claimed.size === 0) {
          if (fresh.length < more.length) continue; // there may be more rows behind those settled
          return sent;
        }
      }
      startedAny = false;

      // Start every queued row its platform's limits allow now; the rest wait their turn.
      let wakeAt = Number.POSITIVE_INFINITY;
      const waiting: OutboxRow[] = [];
      // An address one row had to wait for holds back its later rows in this pass too: its gap
      // (or pause) may end between two rows' checks, and the later row must not go first.
      const held = new Set<string>();
      const paused = new Set<string>();
      for (const row of queue) {
        if (paused.has(row.address) || isPaused(row.address)) {
          paused.add(row.address);
          continue; // all of its rows are found again, in order, once the pause is over
        }
        if (held.has(row.address)) {
          waiting.push(row);
          continue;
        }
        if (busyAddresses.has(row.address)) {
          held.add(row.address);
          waiting.push(row);
          continue;
        }
        const platform = platformOf(row.address);
        const limits = limitsOf(platform);
        const at = performance.now();
        const allowed = Math.min(window.get(platform) ?? 1, limits.concurrency ?? DEFAULT_CONCURRENCY);
        if ((claimedPerPlatform.get(platform) ?? 0) >= allowed) {
          held.add(row.address);
          waiting.push(row);
          continue;
        }
        const until = pacer.waitUntil(platform, row.address, limits, at);
        if (until > 0) {
          wakeAt = Math.min(wakeAt, until);
          held.add(row.address);
          waiting.push(row);
          continue;
        }
        start(row, platform, at);
        startedAny = true;
      }
      queue = waiting;

      if (claimed.size === 0) {
        if (queue.length === 0) continue; // look for more rows
        if (wakeAt === Number.POSITIVE_INFINITY) return sent; // nothing can go now
        await sleep(wakeAt - performance.now());
        continue;
      }
      // Wait for a send to finish (or a paced row's turn), then commit what finished together.
      const gap = wakeAt === Number.POSITIVE_INFINITY ? undefined : wakeAt - performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        ...sending,
        ...(gap === undefined
          ? []
          : [
              new Promise<void>((resolve) => {
                timer = setTimeout(resolve, Math.max(0, gap));
              }),
            ]),
      ]);
      clearTimeout(timer);
      if (finished.length > 0 && sending.size > 0) await sleep(COMMIT_WINDOW_MS);
      flush();
    }
  }

  /**
   * Checks a row that is due before it is sent, and settles it at once (not batched: these are
   * rare) when it must not go: stale, for someone it is no longer for, a reminder to someone
   * quiet, or a platform with no gateway. True when it may be sent.
   */
  function ready(row: OutboxRow): boolean {
    const now = core.clock.now();
    const { outbox } = core.store;
    try {
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
      if (!core.gateways.get(platform)) {
        outbox.retryLater(row.id, new Date(now.getTime() + MAX_BACKOFF_MS), `no gateway for ${platform}`);
        core.log.error({ outbox: row.id, platform }, "no gateway for this platform; will try again later");
        return false;
      }
      return true;
    } catch (error) {
      unexpected(row, error)();
      return false;
    }
  }

  /** A row that failed in a way nobody planned for waits the longest back-off. */
  function unexpected(row: OutboxRow, error: unknown): Commit {
    core.log.error(
      { outbox: row.id, err: error instanceof Error ? error.name : "unknown" },
      "could not deliver a row",
    );
    const at = new Date(core.clock.now().getTime() + MAX_BACKOFF_MS);
    return () => core.store.outbox.retryLater(row.id, at, "unexpected error");
  }

  /**
   * Sends one claimed row and says what to record. The pause on a 429 takes effect at once (no
   * new send to that scope starts); what is written waits for the batch's commit.
   */
  async function send(row: OutboxRow): Promise<{ sent: boolean; commit: Commit }> {
    const { outbox } = core.store;
    const platform = platformOf(row.address);
    const gateway = core.gateways.get(platform);
    if (!gateway) throw new Error(`no gateway for ${platform}`);
    // An update row (PRODUCT.md §11) rewrites a message already sent, by the reference the
    // platform gave it; when there is nothing to update yet (or ever), updateTarget says so and
    // has already recorded why.
    const target = row.updatesKey ? updateTarget(core, row, gateway) : undefined;
    if (row.updatesKey && target === undefined) return { sent: false, commit: () => {} };
    try {
      const ref =
        target !== undefined && gateway.update
          ? await withTimeout(gateway.update(row.address, target, row.message), SEND_TIMEOUT_MS)
          : await withTimeout(gateway.send(row.address, row.message), SEND_TIMEOUT_MS);
      const at = core.clock.now();
      const limit = limitsOf(platform).concurrency ?? DEFAULT_CONCURRENCY;
      window.set(platform, Math.min(limit, (window.get(platform) ?? 1) + 1));
      // The sent message's reference is kept, so it can be updated in place later.
      return {
        sent: true,
        commit: () => outbox.markSent(row.id, at, typeof ref === "string" ? ref : undefined),
      };
    } catch (error) {
      const failure = error instanceof DeliveryError ? error.failure : ({ kind: "transient" } as const);
      const detail = error instanceof Error ? error.message : String(error);
      const at = core.clock.now().getTime();
      if (failure.kind === "rate-limited") {
        const key = pauseKey(row.address);
        pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, at + failure.retryAfterMs));
        // The whole platform throttled: start again from one. One conversation throttled: halve.
        const current = window.get(platform) ?? 1;
        window.set(platform, key === platform ? 1 : Math.max(1, Math.floor(current / 2)));
        core.log.warn(
          { outbox: row.id, platform, retryAfterMs: failure.retryAfterMs },
          "rate limited; pausing",
        );
        // Waiting out a rate limit is not a failed attempt: it must never use up the retries.
        return {
          sent: false,
          commit: () => outbox.retryLater(row.id, new Date(at + failure.retryAfterMs), "rate limited", false),
        };
      }
      if (failure.kind === "unreachable") {
        core.log.error(
          { outbox: row.id, key: row.key, attempts: row.attempts + 1, failure: failure.kind },
          "gave up on a message",
        );
        return {
          sent: false,
          commit: () => {
            outbox.finish(row.id, "failed", detail, new Date(at));
            // An update that cannot land (the message was deleted) reached them before: nobody to tell.
            if (!row.updatesKey) tellCoordinators(core, row);
          },
        };
      }
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** row.attempts);
      core.log.warn(
        { outbox: row.id, attempts: row.attempts + 1, backoffMs: backoff },
        "send failed; will retry",
      );
      return { sent: false, commit: () => outbox.retryLater(row.id, new Date(at + backoff), detail) };
    }
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
          total += await deliverAll();
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
