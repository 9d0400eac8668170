import type { Workstream } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";
import { openReview } from "./open-review.ts";

/**
 * The final evaluation (PRODUCT.md §13 "Closing"): the review's questions plus "what should
 * future programmes learn from this one?", sent privately to every member when the workstream
 * closes. Called by `/workstream close` inside its transaction; returns how many people were
 * asked. Calling it twice for one workstream asks nobody twice: a second call returns 0.
 * Once it exists, no more scheduled reviews are sent (see scheduling/review-openings.ts).
 */
export function startFinalEvaluation(core: Core, workstream: Workstream, now: Date): number {
  if (core.store.reviews.list(workstream.id).some((r) => r.kind === "final")) return 0;
  return openReview(core, workstream, { kind: "final", now }).invited;
}
