import type {
  AnonymousReviewAnswer,
  Organiser,
  Review,
  ReviewInvite,
  ReviewKind,
  ReviewValues,
} from "../domain/review.ts";
import type { Group } from "../domain/roles.ts";

/** Formal reviews and the final evaluation (PRODUCT.md §13, §15). */
export interface ReviewStore {
  /**
   * Opens a review. A scheduled one is unique per `slot`: opening the same slot again returns
   * the existing one with `created` false.
   */
  open(input: {
    workstreamId: number;
    kind: ReviewKind;
    slot: Date | null;
    openedBy: number | null;
    openedAt: Date;
    remindAt: Date;
    closesAt: Date;
  }): { review: Review; created: boolean };
  byId(id: number): Review | undefined;
  /** The workstream's reviews, oldest first. */
  list(workstreamId: number): Review[];
  latest(workstreamId: number): Review | undefined;
  /** Open reviews whose reminder is due and not queued yet. */
  dueForReminder(now: Date): Review[];
  markRemindersQueued(id: number, at: Date): void;
  dueToClose(now: Date): Review[];
  /** False when it was already closed. */
  close(id: number, at: Date): boolean;

  /** The (unanswered) row for someone sent it; false if they already had one. */
  invite(input: { reviewId: number; personId: number; group: Group; now: Date }): boolean;
  inviteOf(reviewId: number, personId: number): ReviewInvite | undefined;
  /** Everyone sent it, by name; anonymous answers say only that they answered. */
  invites(reviewId: number): ReviewInvite[];
  anonymousAnswers(reviewId: number): AnonymousReviewAnswer[];
  /**
   * Records someone's answers once: named ones in their row, anonymous ones (and every chair's)
   * in a row tied to no one, with only "answered" left in theirs. False if they had answered.
   */
  answer(input: {
    reviewId: number;
    personId: number;
    group: Group;
    anonymous: boolean;
    /** The chair or a coordinator (their answers are never named), else null. */
    fromRole: Organiser | null;
    values: ReviewValues;
    now: Date;
  }): boolean;
}
