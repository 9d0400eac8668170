import { latestSlot, parseSchedule, type Slot } from "../domain/digest-schedule.ts";
import type { Workstream } from "../domain/entities.ts";
import { buildDigest } from "../use-cases/build-digest.ts";
import type { Core } from "../use-cases/core.ts";
import { coordinatorsOf } from "../use-cases/people.ts";
import { queueDirectMessage } from "./enqueue.ts";

/**
 * How far back a tick looks for a scheduled digest minute: long enough that a digest missed
 * while the bot was down (or restarting) still goes once, short enough that last week's does not.
 */
export const DIGEST_LOOKBACK_MINUTES = 6 * 60;

/** The workstream's most recent `digest` minute within the look-back, if any. */
export function digestSlot(workstream: Workstream, now: Date): Slot | undefined {
  const schedule = parseSchedule(workstream.settings.digest);
  if (!schedule) return undefined;
  return latestSlot(schedule, workstream.settings.timezone, now, DIGEST_LOOKBACK_MINUTES);
}

/**
 * The weekly coordinator digest: at each workstream's `digest` minute (its own time zone),
 * one message per coordinator. The key names the slot by its local wall-clock minute, so the
 * repeated hour of an autumn clock change cannot send it twice. Nothing is sent when there is
 * nothing to say.
 */
export function queueDigests(core: Core, now: Date): number {
  let queued = 0;
  for (const workstream of core.store.workstreams.all()) {
    const slot = digestSlot(workstream, now);
    if (!slot) continue;
    for (const coordinator of coordinatorsOf(core.store.members.list(workstream.id))) {
      const key = `digest:${workstream.id}:${coordinator.id}:${slot.localMinute}`;
      if (core.store.outbox.byKey(key)) continue;
      const digest = buildDigest(core, workstream, coordinator, now);
      if (!digest) continue;
      if (
        queueDirectMessage(core, workstream, coordinator, digest, {
          key,
          at: slot.at,
          audience: "coordinator",
        })
      )
        queued++;
    }
  }
  return queued;
}
