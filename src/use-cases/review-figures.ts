import type { Audience } from "../domain/anonymity.ts";
import type { Organiser, Review, ReviewPart } from "../domain/review.ts";
import {
  type Headline,
  type ReviewAnswer,
  type ReviewSummary,
  summariseReview,
} from "../domain/review-summary.ts";
import type { ReviewStore } from "../ports/review-store.ts";

/**
 * Who reads a review's figures: the chair (named answers with names), a coordinator (totals
 * only), or a reader with no answers of their own (an export).
 */
export type ReviewReader = Organiser | "export";

/**
 * A review's summary for a reader: named answers from people's rows, anonymous ones from the
 * rows tied to no one, folded by the one rule. A chair never sees chairs' answers, nor a
 * coordinator coordinators' (each reaches the other role, and exports, only mixed in with
 * everyone's): a reader who knows their own answers could otherwise take them away from a
 * figure of three and learn the other two. Every view of a review's figures (summary, digest,
 * export) comes through here.
 */
export function reviewSummary(reviews: ReviewStore, review: Review, reader: ReviewReader): ReviewSummary {
  const audience: Audience = reader === "chair" ? "chair" : "aggregates";
  const invites = reviews.invites(review.id);
  const answers: ReviewAnswer[] = [
    ...invites.flatMap((r) =>
      r.answeredAt && !r.anonymous && r.values
        ? [{ group: r.group, anonymous: false, name: r.name, values: r.values }]
        : [],
    ),
    ...reviews
      .anonymousAnswers(review.id)
      .filter((a) => a.fromRole === null || a.fromRole !== reader)
      .map((a) => ({ group: a.group, anonymous: true, name: null, values: a.values })),
  ];
  return summariseReview({
    invited: invites.length,
    // Everyone who answered, the chairs too: who has answered is no secret from a chair.
    answered: invites.filter((r) => r.answeredAt !== null).length,
    answers,
    open: review.closedAt === null,
    seed: review.id,
    audience,
  });
}

/** Each closed review's two headlines, oldest first, for trends (digest, summary, export). */
export function reviewTrend(
  reviews: ReviewStore,
  workstreamId: number,
  reader: ReviewReader,
): Array<{ review: Review; summary: ReviewSummary; parts: Partial<Record<ReviewPart, Headline>> }> {
  return reviews
    .list(workstreamId)
    .filter((r) => r.closedAt !== null)
    .map((review) => {
      const summary = reviewSummary(reviews, review, reader);
      return {
        review,
        summary,
        parts: { task: summary.parts.task?.headline, process: summary.parts.process?.headline },
      };
    });
}
