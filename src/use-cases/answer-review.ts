import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import {
  isReviewOpen,
  organiserRole,
  REVIEW_QUESTIONS,
  type Review,
  type ReviewInvite,
  type ReviewValues,
} from "../domain/review.ts";
import { readText } from "../domain/text.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { reviewClosedMessage, reviewForm, reviewThanks } from "./review-messages.ts";

/** The review a button or form points at, and this person's row in it (they must have been sent it). */
function loadForAnswer(core: Core, actor: Person, value: string): { review: Review; invite: ReviewInvite } {
  const review = core.store.reviews.byId(Number(value));
  const invite = review && core.store.reviews.inviteOf(review.id, actor.id);
  if (!review || !invite)
    refuse("review.gone", "Sorry, I can't find that review. It may not have been meant for you.");
  return { review, invite };
}

const organiserOf = (core: Core, review: Review, actor: Person) =>
  organiserRole(core.store.members.get(review.workstreamId, actor.id)?.role);

/** "Answer the review": the form, unless they have answered or it has closed. */
export function openReviewForm(core: Core, actor: Person, value: string): ActionResult {
  const { review, invite } = loadForAnswer(core, actor, value);
  if (invite.answeredAt) return { kind: "update", message: reviewThanks(actor, invite.anonymous) };
  if (!isReviewOpen(review, core.clock.now())) return { kind: "update", message: reviewClosedMessage() };
  return { kind: "form", form: reviewForm(review, organiserOf(core, review, actor)) };
}

/**
 * The form was sent: the answers are recorded once (a resubmitted form or a retried delivery
 * changes nothing). Anonymous answers, and every chair's, are stored tied to no one.
 */
export function sendReview(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { review, invite } = loadForAnswer(core, actor, value);
  const now = core.clock.now();
  if (invite.answeredAt) return { kind: "update", message: reviewThanks(actor, invite.anonymous) };
  if (!isReviewOpen(review, now)) return { kind: "update", message: reviewClosedMessage() };
  const values = readValues(review, fields);
  const fromRole = organiserOf(core, review, actor);
  // Anonymous unless they chose to share their name; a chair's or coordinator's never named.
  const anonymous = fromRole !== null || (fields.anonymous ?? "").trim().toLowerCase() !== "no";
  const recorded = core.store.transaction(() => {
    const group = core.store.members.get(review.workstreamId, actor.id)?.group ?? invite.group;
    const done = core.store.reviews.answer({
      reviewId: review.id,
      personId: actor.id,
      group,
      anonymous,
      fromRole,
      values,
      now,
    });
    if (done) core.store.outbox.dropSubject(`review-reminder:${review.id}:${actor.id}`, "answered", now);
    return done;
  });
  if (recorded) {
    // Nothing of the answer in the journal beside the "answered" mark.
    if (anonymous) core.store.flushJournal();
    core.log.info({ review: review.id }, "review answer recorded");
  }
  const after = core.store.reviews.inviteOf(review.id, actor.id);
  return { kind: "update", message: reviewThanks(actor, after?.anonymous ?? anonymous) };
}

/** Reads every score (1–5, each one required) and the comments, refusing what it can't read. */
function readValues(review: Review, fields: Record<string, string>): ReviewValues {
  const scores = {} as Record<(typeof REVIEW_QUESTIONS)[number]["id"], number>;
  const missing: string[] = [];
  for (const q of REVIEW_QUESTIONS) {
    const raw = (fields[q.id] ?? "").trim();
    const n = /^[1-5]$/.test(raw) ? Number(raw) : undefined;
    if (n === undefined) missing.push(q.text);
    else scores[q.id] = n;
  }
  if (missing.length > 0)
    refuse(
      "review.incomplete",
      `Please choose 1 to 5 for every question. Still to answer: ${missing.join(" ")}`,
    );
  const comment = (id: string) => readText("comment", fields[id] ?? "") || null;
  return {
    ...scores,
    taskComment: comment("taskComment"),
    processComment: comment("processComment"),
    learnComment: review.kind === "final" ? comment("learnComment") : null,
  };
}
