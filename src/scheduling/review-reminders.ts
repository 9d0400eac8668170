import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { reviewReminder } from "../use-cases/review-messages.ts";

/**
 * The one review reminder, REVIEW_REMINDER_DAYS after it reached people: privately, to each
 * person sent it who has not answered, and not to anyone on /quiet. Quiet hours hold it; it
 * expires when the review closes and is dropped if they answer first.
 */
export function queueReviewReminders(core: Core, now: Date): number {
  let queued = 0;
  for (const review of core.store.reviews.dueForReminder(now)) {
    core.store.reviews.markRemindersQueued(review.id, now);
    const workstream = core.store.workstreams.byId(review.workstreamId);
    if (!workstream) continue;
    for (const invite of core.store.reviews.invites(review.id)) {
      if (invite.answeredAt) continue;
      const person = core.store.members.get(workstream.id, invite.personId);
      if (!person) continue; // removed since
      if (person.quietUntil && person.quietUntil > now) continue;
      const key = `review-reminder:${review.id}:${person.id}`;
      if (
        queueDirectMessage(core, workstream, person, reviewReminder(workstream, review, person), {
          key,
          subject: key,
          isReminder: true,
          expiresAt: review.closesAt,
        })
      )
        queued++;
    }
  }
  return queued;
}
