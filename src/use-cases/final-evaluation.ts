import type { Workstream } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";
import { closeReview } from "./close-review.ts";
import { openReview } from "./open-review.ts";

/**
 * The final evaluation (PRODUCT.md §13 "Closing"): the review's questions plus "what should
 * future programmes learn from this one?", sent privately to every member when the workstream
 * closes. Called by `/workstream close` inside its transaction; returns how many people were
 * asked. Calling it twice for one workstream asks nobody twice: a second call returns 0.
 * Once it exists, no more scheduled reviews are sent (see scheduling/review-openings.ts).
 */
export function startFinalEvaluation(core: Core, workstream: Workstream, now: Date): number {
  const reviews = core.store.reviews.list(workstream.id);
  if (reviews.some((r) => r.kind === "final")) return 0;
  // A review still open closes now (its summary goes to the chairs), so the evaluation is the
  // one review left open and nobody is asked the same questions twice at once.
  for (const open of reviews.filter((r) => r.closedAt === null)) closeReview(core, open, now);
  return openReview(core, workstream, { kind: "final", now }).invited;
}
