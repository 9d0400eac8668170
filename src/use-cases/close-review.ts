import type { Review } from "../domain/review.ts";
import { em, rich } from "../domain/rich-text.ts";
import type { Message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { chairsOf, coordinatorsOf } from "./people.ts";
import { reviewSummary } from "./review-figures.ts";
import { reviewBlocks, reviewName } from "./review-messages.ts";

/**
 * Closes a review whose time is up and sends the summary privately: each chair gets it without
 * chairs' own answers; each coordinator gets aggregates (chairs' answers folded in). Runs in
 * the scheduler's transaction; closing twice does nothing. Returns how many summaries were queued.
 */
export function closeReview(core: Core, review: Review, now: Date): number {
  if (!core.store.reviews.close(review.id, now)) return 0;
  const workstream = core.store.workstreams.byId(review.workstreamId);
  if (!workstream) return 0;
  const closed = { ...review, closedAt: now };
  const members = core.store.members.list(workstream.id);
  let queued = 0;
  const send = (audience: "chair" | "coordinator", people: typeof members) => {
    const summary = reviewSummary(core.store.reviews, closed, audience);
    const text =
      summary.answered === 0
        ? rich`${capital(reviewName(review))} for ${em(workstream.name)} has closed. Nobody answered it this time, so there is nothing to show.`
        : rich`${capital(reviewName(review))} for ${em(workstream.name)} has closed: ${summary.answered} of ${summary.invited} answered. Here is what they said.`;
    const message: Message = {
      text,
      blocks: [
        { kind: "text", text },
        ...(summary.answered === 0 ? [] : reviewBlocks(workstream, closed, summary).slice(1)),
        {
          kind: "note",
          text:
            audience === "chair"
              ? "Anonymous answers count only once there are 3 or more of them, so no one can be picked out. Your own answers are not included here."
              : "Totals only, with small groups shown together, so no one can be picked out. Your own answers are not included here.",
        },
      ],
    };
    for (const person of people)
      if (
        queueDirectMessage(core, workstream, person, message, {
          key: `review-summary:${review.id}:${person.id}`,
          audience,
        })
      )
        queued++;
  };
  send("chair", chairsOf(members));
  send("coordinator", coordinatorsOf(members));
  core.log.info({ review: review.id, summaries: queued }, "review closed");
  return queued;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
