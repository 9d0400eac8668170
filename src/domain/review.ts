import type { Group, Role } from "./roles.ts";

/**
 * Formal reviews (PRODUCT.md §13): the task and the co-production process, kept apart, each
 * question answered on a five-point scale, each part with an optional comment. The final
 * evaluation, sent when a workstream closes, adds one more comment.
 */
export type ReviewKind = "scheduled" | "started" | "final";

export interface Review {
  id: number;
  workstreamId: number;
  kind: ReviewKind;
  /** The scheduled moment a scheduled review was for; null for the others. */
  slot: Date | null;
  openedAt: Date;
  remindAt: Date;
  closesAt: Date;
  remindersQueuedAt: Date | null;
  closedAt: Date | null;
}

export type ReviewPart = "task" | "process";

export const REVIEW_QUESTIONS = [
  { id: "progress", part: "task", text: "Are we making progress on what we set out to do?" },
  { id: "clarity", part: "task", text: "Is it clear what is expected and by when?" },
  { id: "voice", part: "process", text: "Does everyone have a voice?" },
  { id: "disagreements", part: "process", text: "Are disagreements handled well?" },
  { id: "decisions", part: "process", text: "Are decisions made by the group?" },
  { id: "support", part: "process", text: "Do you have the support you need?" },
] as const;

export type ReviewQuestion = (typeof REVIEW_QUESTIONS)[number]["id"];

export const PARTS: Array<{ part: ReviewPart; label: string; comment: string }> = [
  { part: "task", label: "The task", comment: "taskComment" },
  { part: "process", label: "How we work together", comment: "processComment" },
];

/** The five points, in words first so that no answer rests on a number alone. */
export const SCALE = [
  { value: "1", label: "1 – Not at all" },
  { value: "2", label: "2 – Not really" },
  { value: "3", label: "3 – Partly" },
  { value: "4", label: "4 – Mostly" },
  { value: "5", label: "5 – Fully" },
] as const;

/** The last question of the final evaluation. */
export const LEARN_QUESTION = "What should future programmes learn from this one?";

/** How long a review stays open, and when the one reminder goes (from when members get it). */
export const REVIEW_OPEN_DAYS = 7;
export const REVIEW_REMINDER_DAYS = 3;

/** The local time scheduled reviews are sent at, in the workstream's zone. */
export const REVIEW_LOCAL_HOUR = 10;

export type ReviewScores = Record<ReviewQuestion, number | null>;

/** What someone answered: scores 1–5 (null if skipped) and their comments. */
export interface ReviewValues extends ReviewScores {
  taskComment: string | null;
  processComment: string | null;
  learnComment: string | null;
}

/** One invited person's row: named answers carry values, anonymous ones only say they answered. */
export interface ReviewInvite {
  reviewId: number;
  personId: number;
  name: string;
  group: Group;
  answeredAt: Date | null;
  anonymous: boolean;
  values: ReviewValues | null;
}

/** An anonymous answer, tied to no one. */
/** The roles whose own answers are kept out of the summary they read (see review-figures.ts). */
export type Organiser = "chair" | "coordinator";

/** The chair or a coordinator answering (see `reviewSummary`), else null. */
export function organiserRole(role: Role | undefined): Organiser | null {
  return role === "chair" || role === "coordinator" ? role : null;
}

export interface AnonymousReviewAnswer {
  group: Group;
  fromRole: Organiser | null;
  values: ReviewValues;
}

export function questionsOf(part: ReviewPart): ReviewQuestion[] {
  return REVIEW_QUESTIONS.filter((q) => q.part === part).map((q) => q.id);
}

export function isReviewOpen(review: Review, now: Date): boolean {
  return review.closedAt === null && review.closesAt.getTime() > now.getTime();
}
