import { formatDay, formatWhen } from "../../domain/time.ts";
import type { Block } from "../../messages/message.ts";
import { reviewTrend } from "../review-figures.ts";
import { headlineWords, reviewName } from "../review-messages.ts";
import type { DigestInput, SectionBuilder } from "./section.ts";

/**
 * The latest closed review's two headline figures — the task and how we work together — as
 * coordinators may see them (aggregates, folded), with the one before for comparison; and,
 * while one is open, only how many have answered it.
 */
export const reviews: SectionBuilder = {
  name: "reviews",
  // A chair who answered knows their own answers, which these aggregates include: with them, a
  // figure of three would leave two people's answers. Chairs read /review summary instead.
  coordinatorsOnly: true,
  build({ core, workstream, now }: DigestInput) {
    const zone = workstream.settings.timezone;
    const blocks: Block[] = [];
    const open = core.store.reviews.list(workstream.id).find((r) => r.closedAt === null);
    if (open) {
      const invites = core.store.reviews.invites(open.id);
      const answered = invites.filter((i) => i.answeredAt !== null).length;
      blocks.push({
        kind: "text",
        text: `${reviewName(open) === "the review" ? "A review" : "The final evaluation"} is open until ${formatWhen(open.closesAt, zone, now)}: ${answered} of ${invites.length} have answered so far.`,
      });
    }
    const trend = reviewTrend(core.store.reviews, workstream.id, "coordinator");
    const last = trend.at(-1);
    if (last) {
      const before = trend.at(-2);
      const previous = (part: "task" | "process") => {
        const h = before?.parts[part];
        return h && h.all > 0 ? ` (the review before: ${Math.round((100 * h.high) / h.all)}%)` : "";
      };
      blocks.push(
        {
          kind: "text",
          text: `The review sent on ${formatDay(last.review.openedAt, zone)}: ${last.summary.answered} of ${last.summary.invited} answered.`,
        },
        {
          kind: "list",
          items: [
            `The task: ${headlineWords(last.parts.task)}${previous("task")}.`,
            `How we work together: ${headlineWords(last.parts.process)}${previous("process")}.`,
          ],
        },
      );
    }
    return blocks.length > 0 ? { heading: "Reviews", blocks } : undefined;
  },
};
