import type { SchedulerStore } from "../../src/ports/scheduler-store.ts";
import type { Db } from "./open.ts";
import { MeetingRow, many } from "./rows.ts";

/** The scheduler's own state (migrations/009) and its missed-work query. */
export function createSchedulerStore(db: Db): SchedulerStore {
  const lastTick = db.prepare("SELECT last_tick_at FROM scheduler_state WHERE id = 1");
  const recordTick = db.prepare(
    `INSERT INTO scheduler_state (id, last_tick_at) VALUES (1, ?)
     ON CONFLICT(id) DO UPDATE SET last_tick_at = excluded.last_tick_at`,
  );
  // IN rather than <> 'cancelled', so the (status, starts_at) index serves the range.
  const started = db.prepare(
    `SELECT * FROM meetings WHERE status IN ('scheduled', 'ended') AND starts_at > ? AND starts_at <= ?
     ORDER BY starts_at`,
  );
  return {
    lastTick() {
      const row = lastTick.get() as { last_tick_at: number } | undefined;
      return row ? new Date(row.last_tick_at) : undefined;
    },
    recordTick(at) {
      recordTick.run(at.getTime());
    },
    meetingsStartedBetween: (after, upTo) => many(MeetingRow, started.all(after.getTime(), upTo.getTime())),
  };
}
