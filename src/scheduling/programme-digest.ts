import { parseSchedule, slotsBetween } from "../domain/digest-schedule.ts";
import { queueProgrammeMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { programmeMessage } from "../use-cases/show-programme.ts";
import { digestSlot, weeklySlotDue } from "./digest-schedule.ts";

/**
 * The programme digest (PRODUCT.md §14): at the programme's own `digest` minute (its time
 * zone), the programme view to each lead privately, held by the programme's quiet hours. The
 * key names the programme, the lead and the slot's local minute, so it goes once. A programme
 * with no workstreams yet, or whose workstreams all closed over a week ago, has nothing new to
 * say (its view is still there with /programme).
 */
export function queueProgrammeDigests(core: Core, now: Date): number {
  let queued = 0;
  for (const programme of core.store.programmes.all()) {
    // A programme has a workstream's schedule fields (settings, createdAt): the same slot rule.
    const slot = weeklySlotDue(core, programme, now);
    if (!slot) continue;
    if (!running(core, programme.id, now)) continue;
    const leads = core.store.programmes
      .leads(programme.id)
      .flatMap((id) => core.store.people.byId(id) ?? [])
      .filter((lead) => !core.store.outbox.byKey(key(programme.id, lead.id, slot.localMinute)));
    if (leads.length === 0) continue;
    for (const lead of leads) {
      const digest = programmeMessage(core, programme, `Hi ${lead.name} — here is the programme digest for`);
      if (
        queueProgrammeMessage(core, programme, lead, digest, {
          key: key(programme.id, lead.id, slot.localMinute),
          at: slot.at,
        })
      )
        queued++;
    }
  }
  return queued;
}

/** The digest is weekly: one that closed in the last week is still news (its closing is in it). */
const STILL_NEWS_MS = 7 * 86_400_000;

/** At least one of its workstreams is still open, or closed within the last week. */
function running(core: Core, programmeId: number, now: Date): boolean {
  return core.store.programmes
    .workstreams(programmeId)
    .some((w) => !w.closedAt || now.getTime() - w.closedAt.getTime() < STILL_NEWS_MS);
}

function key(programmeId: number, personId: number, localMinute: string): string {
  return `programme-digest:${programmeId}:${personId}:${localMinute}`;
}

/**
 * Logs each programme digest slot in (after, now] that will never be sent (older than the
 * look-back, or passed over for a later one), as the workstream digest's are; ids only.
 */
export function logMissedProgrammeDigests(core: Core, after: Date, now: Date): void {
  for (const programme of core.store.programmes.all()) {
    const schedule = parseSchedule(programme.settings.digest);
    if (!schedule || !running(core, programme.id, now)) continue;
    const current = digestSlot(programme, now)?.localMinute;
    for (const slot of slotsBetween(schedule, programme.settings.timezone, after, now)) {
      if (slot.localMinute === current) continue;
      core.log.warn(
        { kind: "programme-digest", programme: programme.id, slot: slot.localMinute },
        "missed while the bot was down; not sent",
      );
    }
  }
}
