import {
  isScheduledMinute,
  latestSlot,
  parseSchedule,
  type Slot,
  slotsBetween,
} from "../domain/digest-schedule.ts";
import type { Workstream } from "../domain/entities.ts";
import { HOUR } from "../domain/time.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { buildDigest } from "../use-cases/build-digest.ts";
import { coordinatorsOf } from "../use-cases/people.ts";

/**
 * How far back a tick looks for a scheduled digest minute: long enough that a digest missed
 * while the bot was down (or restarting) still goes once, short enough that last week's does not.
 */
export const DIGEST_LOOKBACK_MINUTES = 6 * 60;

/**
 * A changed `digest` setting (from `mon 09:00` to `mon 11:00` at 10:00, say) names a new slot,
 * and would otherwise bring a second digest the same day: so a scheduled digest is not sent
 * within this long of one for a minute the schedule no longer has. Under a day, so a daily
 * change still gets the next day's; `/digest now` is keyed apart and unaffected.
 */
export const DIGEST_MIN_GAP_HOURS = 20;

/** This minute's answers, by schedule and zone (see digestSlot). */
const slots = { minute: Number.NaN, byRule: new Map<string, Slot | undefined>() };

/**
 * The workstream's most recent `digest` minute within the look-back, if any. Remembered for the
 * current minute: finding it walks the six-hour look-back, and two rules ask for every
 * workstream on every tick, most of which share one schedule and zone.
 */
export function digestSlot(workstream: Workstream, now: Date): Slot | undefined {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== slots.minute) {
    slots.minute = minute;
    slots.byRule.clear();
  }
  const { digest, timezone } = workstream.settings;
  const rule = `${digest}\n${timezone}`;
  if (slots.byRule.has(rule)) return slots.byRule.get(rule);
  const schedule = parseSchedule(digest);
  const slot = schedule && latestSlot(schedule, timezone, now, DIGEST_LOOKBACK_MINUTES);
  slots.byRule.set(rule, slot);
  return slot;
}

/**
 * The slot a weekly message (the digest, the chair's one-to-one list) should go for on this
 * tick, if any. A slot is acted on by the first tick at or after it — so something that
 * changes after it (a request at 9:18, a workstream set up at 10:00 on a Monday) waits for the
 * next slot instead of sending the week's message late — or, when the bot was down over it,
 * by the first tick after it came back (within the look-back). A slot from before the
 * workstream was set up was never its to send.
 */
export function weeklySlotDue(core: Core, workstream: Workstream, now: Date): Slot | undefined {
  const slot = digestSlot(workstream, now);
  if (!slot) return undefined;
  if (workstream.createdAt && slot.at.getTime() < workstream.createdAt.getTime()) return undefined;
  const lastTick = core.store.scheduler.lastTick();
  if (lastTick && slot.at.getTime() <= lastTick.getTime()) return undefined;
  return slot;
}

/**
 * The weekly coordinator digest: at each workstream's `digest` minute (its own time zone),
 * one message per coordinator. The key names the slot by its local wall-clock minute, so the
 * repeated hour of an autumn clock change cannot send it twice. Nothing is sent when there is
 * nothing to say, nor within DIGEST_MIN_GAP_HOURS of the last one.
 */
export function queueDigests(core: Core, now: Date): number {
  let queued = 0;
  for (const workstream of core.store.workstreams.all()) {
    const slot = weeklySlotDue(core, workstream, now);
    if (!slot) continue;
    for (const coordinator of coordinatorsOf(core.store.members.list(workstream.id))) {
      const key = `digest:${workstream.id}:${coordinator.id}:${slot.localMinute}`;
      if (core.store.outbox.byKey(key)) continue;
      const prefix = `digest:${workstream.id}:${coordinator.id}:`;
      const since = new Date(now.getTime() - DIGEST_MIN_GAP_HOURS * HOUR);
      const recent = core.store.outbox.latestKeySince(prefix, since);
      // Only a recent digest for a minute the schedule no longer has (the setting was changed)
      // holds this one back: a schedule with several digests a day gets each of them.
      if (recent && !isScheduledMinute(workstream.settings.digest, recent.slice(prefix.length))) continue;
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

/**
 * Logs each digest slot in (after, now] that will never be sent: older than the look-back, or
 * passed over for a later one within it. For the gap a downtime left; ids only.
 */
export function logMissedDigests(core: Core, after: Date, now: Date): void {
  for (const workstream of core.store.workstreams.all()) {
    const schedule = parseSchedule(workstream.settings.digest);
    if (!schedule) continue;
    const zone = workstream.settings.timezone;
    const current = digestSlot(workstream, now)?.localMinute;
    const missed = slotsBetween(schedule, zone, after, now).filter((s) => s.localMinute !== current);
    if (missed.length === 0) continue;
    // No coordinator, no digest: nothing was lost.
    if (coordinatorsOf(core.store.members.list(workstream.id)).length === 0) continue;
    for (const slot of missed) {
      core.log.warn(
        { kind: "digest", workstream: workstream.id, slot: slot.localMinute },
        "missed while the bot was down; not sent",
      );
    }
  }
}
