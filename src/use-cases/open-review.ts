import type { Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import {
  organiserRole,
  REVIEW_OPEN_DAYS,
  REVIEW_REMINDER_DAYS,
  type Review,
  type ReviewKind,
} from "../domain/review.ts";
import { code, rich } from "../domain/rich-text.ts";
import { afterQuietHours, DAY, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { reviewInvitation, reviewName } from "./review-messages.ts";

/**
 * Opens a review and queues it, privately, to every member — chairs and coordinators too:
 * leading co-production is demanding, and their view of how it goes counts. Runs inside the
 * caller's transaction. A scheduled review is unique per slot and each message has its own
 * outbox key, so opening twice sends nothing twice.
 */
export function openReview(
  core: Core,
  workstream: Workstream,
  input: { kind: ReviewKind; now: Date; slot?: Date; openedBy?: number },
): { review: Review; created: boolean; invited: number } {
  const { now } = input;
  // Counted from when people actually get it: quiet hours and weekends hold the invitation.
  const delivered = afterQuietHours(now, workstream.settings).getTime();
  const { review, created } = core.store.reviews.open({
    workstreamId: workstream.id,
    kind: input.kind,
    slot: input.slot ?? null,
    openedBy: input.openedBy ?? null,
    openedAt: now,
    remindAt: new Date(delivered + REVIEW_REMINDER_DAYS * DAY),
    closesAt: new Date(delivered + REVIEW_OPEN_DAYS * DAY),
  });
  if (!created) return { review, created, invited: 0 };
  let invited = 0;
  for (const member of core.store.members.list(workstream.id)) {
    core.store.reviews.invite({ reviewId: review.id, personId: member.id, group: member.group, now });
    const added = queueDirectMessage(
      core,
      workstream,
      member,
      reviewInvitation(workstream, review, member, organiserRole(member.role)),
      { key: `review:${review.id}:${member.id}`, subject: `review:${review.id}`, expiresAt: review.closesAt },
    );
    if (added) invited++;
  }
  core.log.info({ workstream: workstream.id, review: review.id, kind: input.kind, invited }, "review opened");
  return { review, created, invited };
}

/** The review still open in a workstream, if any. */
export function openReviewIn(core: Core, workstreamId: number): Review | undefined {
  return core.store.reviews.list(workstreamId).find((r) => r.closedAt === null);
}

/** `/review start`: the chair sends the review now; the next scheduled one counts from today. */
export function startReview(core: Core, ctx: WorkstreamContext): Message {
  const now = core.clock.now();
  const zone = ctx.workstream.settings.timezone;
  const { review, invited } = core.store.transaction(() => {
    const open = openReviewIn(core, ctx.workstream.id);
    if (open)
      refuse(
        "review.already-open",
        rich`${reviewName(open) === "the review" ? "A review" : "The final evaluation"} is already open, until ${formatWhen(open.closesAt, zone)}. See how many have answered with ${code("/review summary")}.`,
      );
    return openReview(core, ctx.workstream, { kind: "started", now, openedBy: ctx.actor.id });
  });
  return message(
    `The review is open: I've sent it privately to ${invited} ${invited === 1 ? "person" : "people"}, you included.`,
    {
      kind: "note",
      text: rich`It closes on ${formatWhen(review.closesAt, zone)}, with one reminder on ${formatWhen(review.remindAt, zone)} to anyone who hasn't answered. Then you'll get the summary. Until then ${code("/review summary")} shows how many have answered, never what.`,
    },
  );
}
