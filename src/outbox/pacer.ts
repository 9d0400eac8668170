import type { SendLimits } from "../ports/chat-gateway.ts";

/** How many paced starts may go back to back to catch up after a late timer. */
const PACE_SLACK = 3;

/**
 * The sender's clock for a platform's limits on *when* a send may start (how many may be in
 * flight is the sender's own count): the least gap between two sends to one address, and
 * `perSecond` across the platform. Times are monotonic milliseconds (`performance.now()`), not
 * the core's clock: these limits are the platform's, in real time.
 */
export function createPacer() {
  /** When the last send to each address started, for `perAddressGapMs`. */
  const lastStartTo = new Map<string, number>();
  /** Start times in the last second per platform, for `perSecond`. */
  const recentStarts = new Map<string, number[]>();
  /** Per platform, when the next evenly spaced start is due, for `perSecond`. */
  const pacedAt = new Map<string, number>();

  /**
   * Whether one more start fits `perSecond`: never more than that many in any one second, and
   * spread out evenly rather than in a burst at the start of each second (a burst's edges are
   * where the network's jitter pushes the platform's own sliding window over its limit). A few
   * may go back to back to make up for timers that fire late, so a loaded machine does not fall
   * behind the rate.
   */
  function fitsRate(platform: string, perSecond: number, at: number): boolean {
    const starts = recentStarts.get(platform) ?? [];
    while (starts.length > 0 && (starts[0] as number) <= at - 1000) starts.shift();
    if (starts.length >= perSecond) return false;
    return at >= (pacedAt.get(platform) ?? 0) - PACE_SLACK * (1000 / perSecond);
  }

  function nextRateSlot(platform: string, perSecond: number): number {
    const starts = recentStarts.get(platform) ?? [];
    const windowFrees = starts.length >= perSecond ? (starts[0] as number) + 1000 : 0;
    return Math.max(windowFrees, (pacedAt.get(platform) ?? 0) - PACE_SLACK * (1000 / perSecond));
  }

  return {
    /** 0 when a send to `address` may start at `at`; otherwise when it may (monotonic ms). */
    waitUntil(platform: string, address: string, limits: SendLimits, at: number): number {
      let until = 0;
      const last = lastStartTo.get(address);
      if (limits.perAddressGapMs && last !== undefined && at - last < limits.perAddressGapMs)
        until = last + limits.perAddressGapMs;
      if (limits.perSecond && !fitsRate(platform, limits.perSecond, at))
        until = Math.max(until, nextRateSlot(platform, limits.perSecond));
      return until;
    },
    /** Records a start that `waitUntil` allowed. */
    started(platform: string, address: string, limits: SendLimits, at: number): void {
      lastStartTo.set(address, at);
      const starts = recentStarts.get(platform);
      if (starts) starts.push(at);
      else recentStarts.set(platform, [at]);
      if (limits.perSecond)
        pacedAt.set(platform, Math.max(pacedAt.get(platform) ?? 0, at) + 1000 / limits.perSecond);
      // Forget per-address start times too old to matter, so the map stays small.
      if (lastStartTo.size >= 5_000) {
        for (const [a, t] of lastStartTo) if (t < at - 60_000) lastStartTo.delete(a);
      }
    },
  };
}
