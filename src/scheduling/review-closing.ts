import type { Core } from "../ports/core.ts";
import { closeReview } from "../use-cases/close-review.ts";

/** Reviews whose time is up are closed, and the chairs and coordinators get the summary. */
export function queueReviewClosings(core: Core, now: Date): number {
  return core.store.reviews.dueToClose(now).reduce((sum, review) => sum + closeReview(core, review, now), 0);
}
