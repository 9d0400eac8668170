import type { Audience } from "../domain/anonymity.ts";
import type { Review, ReviewPart } from "../domain/review.ts";
import {
  type Headline,
  type ReviewAnswer,
  type ReviewSummary,
  summariseReview,
} from "../domain/review-summary.ts";
import type { ReviewStore } from "../ports/review-store.ts";

/**
 * A review's summary for a reader: named answers from people's rows, anonymous ones from the
 * rows tied to no one, folded by the one rule. A chair never sees chairs' own answers (they
 * reach coordinators, and every other "aggregates" reader, only folded into the totals): the
 * chair, who knows their own answers, could otherwise take them away from a figure.
 * Every view of a review's figures (summary, digest, export) comes through here.
 */
export function reviewSummary(reviews: ReviewStore, review: Review, audience: Audience): ReviewSummary {
  const invites = reviews.invites(review.id);
  const answers: ReviewAnswer[] = [
    ...invites.flatMap((r) =>
      r.answeredAt && !r.anonymous && r.values
        ? [{ group: r.group, anonymous: false, name: r.name, values: r.values }]
        : [],
    ),
    ...reviews
      .anonymousAnswers(review.id)
      .filter((a) => audience !== "chair" || !a.fromChair)
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
  audience: Audience,
): Array<{ review: Review; summary: ReviewSummary; parts: Partial<Record<ReviewPart, Headline>> }> {
  return reviews
    .list(workstreamId)
    .filter((r) => r.closedAt !== null)
    .map((review) => {
      const summary = reviewSummary(reviews, review, audience);
      return {
        review,
        summary,
        parts: { task: summary.parts.task?.headline, process: summary.parts.process?.headline },
      };
    });
}
