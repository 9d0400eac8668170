import { code, rich } from "../domain/rich-text.ts";
import { startReview } from "../use-cases/open-review.ts";
import { summariseReviewNow } from "../use-cases/summarise-review.ts";
import { type CommandSpec, inWorkstream, nothingMore } from "./spec.ts";

const start: CommandSpec<void> = {
  verb: "review",
  sub: "start",
  usage: "/review start",
  example: "/review start",
  summary: "send everyone the review of the task and how we work together, now",
  who: "chair",
  needsWorkstream: true,
  topic: "Run the workstream",
  refusal: rich`Only the chair can start a review. It comes to everyone every few weeks anyway, and you can answer it from the private message.`,
  parse: (args) => nothingMore(start, args),
  run: (core, ctx) => startReview(core, inWorkstream(ctx)),
};

const summary: CommandSpec<void> = {
  verb: "review",
  sub: "summary",
  usage: "/review summary",
  example: "/review summary",
  summary: "see the review results, with trends across reviews",
  who: "organisers",
  needsWorkstream: true,
  topic: "Run the workstream",
  refusal: rich`Only the chair or coordinator can see the review results. Type ${code("/help")} to see what you can do.`,
  parse: (args) => nothingMore(summary, args),
  readOnly: () => true,
  run: (core, ctx) => summariseReviewNow(core, inWorkstream(ctx)),
};

export const reviewCommands: CommandSpec[] = [start, summary];
