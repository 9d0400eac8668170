import type { Clock } from "../../src/ports/clock.ts";

/** The console's clock: real time, plus however far `/clock` has moved it on. */
export function createOffsetClock(start = Date.now()) {
  let offset = start - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    /** Moves the clock to `at` (never backwards: scheduled work only moves forward). */
    set(at: Date) {
      offset = Math.max(offset, at.getTime() - Date.now());
    },
  } satisfies Clock & Record<string, unknown>;
}

export type OffsetClock = ReturnType<typeof createOffsetClock>;
