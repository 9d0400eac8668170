import { hasAnswered } from "../domain/check-in.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { checkInReader, reminderMessage } from "../use-cases/check-in-messages.ts";
import { sceneOf } from "../use-cases/find-check-in.ts";

/**
 * The one check-in reminder, `checkin-reminder-hours` after it opened: privately, to each
 * invited member who has not finished, and not to anyone on /quiet. Quiet hours hold it (the
 * outbox does that); it expires when the check-in closes, and is dropped if they finish first.
 */
export function queueCheckInReminders(core: Core, now: Date): number {
  let queued = 0;
  for (const checkIn of core.store.checkIns.dueForReminder(now)) {
    core.store.checkIns.markRemindersQueued(checkIn.id, now);
    const scene = sceneOf(core, checkIn);
    if (!scene) continue;
    const members = core.store.members.list(scene.workstream.id);
    for (const answer of core.store.checkIns.answers(checkIn.id)) {
      if (hasAnswered(answer)) continue;
      const person = core.store.members.get(scene.workstream.id, answer.personId);
      if (!person) continue; // removed from the workstream since
      if (person.quietUntil && person.quietUntil > now) continue;
      const added = queueDirectMessage(
        core,
        scene.workstream,
        person,
        reminderMessage(scene, person, checkInReader(person, members)),
        {
          key: `checkin-reminder:${checkIn.id}:${person.id}`,
          subject: `checkin-reminder:${checkIn.id}:${person.id}`,
          isReminder: true,
          expiresAt: checkIn.closesAt,
        },
      );
      if (added) queued++;
    }
  }
  return queued;
}
