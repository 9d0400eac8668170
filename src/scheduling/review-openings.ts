import type { Workstream } from "../domain/entities.ts";
import { dueReviewSlot } from "../domain/review-cadence.ts";
import type { Core } from "../ports/core.ts";
import { openReview } from "../use-cases/open-review.ts";

/**
 * Scheduled reviews: every `review-every-weeks` weeks (off allowed), counted from the
 * workstream's setup or its last review (a `/review start` resets the count), at a fixed local
 * time. Each slot opens once (the slot is unique in the store). After downtime the latest slot
 * missed is sent once, late, and any earlier ones are logged; none once the final evaluation
 * has gone, and none while another review is still open. Returns how many were asked.
 */
export function queueReviewOpenings(core: Core, now: Date): number {
  let queued = 0;
  for (const workstream of core.store.workstreams.all()) queued += openDueReview(core, workstream, now);
  return queued;
}

function openDueReview(core: Core, workstream: Workstream, now: Date): number {
  const weeks = workstream.settings["review-every-weeks"];
  if (weeks === "off") return 0;
  const reviews = core.store.reviews.list(workstream.id);
  if (reviews.some((r) => r.kind === "final" || r.closedAt === null)) return 0;
  const last = reviews.at(-1);
  const anchor = last ? (last.slot ?? last.openedAt) : workstream.createdAt;
  if (!anchor) return 0;
  const due = dueReviewSlot(anchor, weeks, workstream.settings.timezone, now);
  if (!due) return 0;
  if (due.passedOver > 0)
    core.log.warn(
      { kind: "review", workstream: workstream.id, reviews: due.passedOver },
      "earlier scheduled reviews passed over (downtime, or a changed review-every-weeks); only the latest is sent",
    );
  return openReview(core, workstream, { kind: "scheduled", now, slot: due.slot }).invited;
}
