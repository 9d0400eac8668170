import { em, rich } from "../domain/rich-text.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { nameList } from "./people.ts";
import { reviewSummary, reviewTrend } from "./review-figures.ts";
import { reviewBlocks, trendBlocks } from "./review-messages.ts";

/**
 * `/review summary` (chair, coordinator): an open review shows only who has answered and how
 * many; then the latest closed review's figures and the trend across closed reviews. A chair
 * reads the "chair" figures (chairs' own answers left out), a coordinator totals only
 * (coordinators' own answers left out).
 */
export function summariseReviewNow(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const audience = ctx.member?.role === "chair" ? "chair" : "coordinator";
  const reviews = core.store.reviews.list(workstream.id);
  if (reviews.length === 0) {
    const every = workstream.settings["review-every-weeks"];
    const text =
      every === "off"
        ? rich`There hasn't been a review in ${em(workstream.name)} yet, and scheduled reviews are off.`
        : rich`There hasn't been a review in ${em(workstream.name)} yet. One is sent every ${every} weeks, or the chair can start one now.`;
    return { text, blocks: [{ kind: "text", text }] };
  }
  const blocks: Block[] = [];
  const open = reviews.find((r) => r.closedAt === null);
  if (open) {
    blocks.push(...reviewBlocks(workstream, open, reviewSummary(core.store.reviews, open, audience)));
    const answered = core.store.reviews
      .invites(open.id)
      .filter((i) => i.answeredAt !== null)
      .map((i) => i.name);
    // Who has answered (never what) is the chair's, as with check-ins; coordinators get the count.
    if (audience === "chair" && answered.length > 0)
      blocks.push({ kind: "note", text: `Answered so far: ${nameList(answered)}.` });
  }
  const trend = reviewTrend(core.store.reviews, workstream.id, audience);
  const last = trend.at(-1);
  if (last) blocks.push(...reviewBlocks(workstream, last.review, last.summary));
  blocks.push(...trendBlocks(workstream, trend));
  blocks.push({
    kind: "note",
    text:
      audience === "chair"
        ? "Anonymous answers count only once there are 3 or more of them, and groups under 3 are shown together. Chairs' own answers are not included here."
        : "Totals only, with groups under 3 shown together, so no one can be picked out.",
  });
  const text = rich`Reviews in ${em(workstream.name)}.`;
  return { text, blocks: [{ kind: "text", text }, ...blocks] };
}
