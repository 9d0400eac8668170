import { sendDigestNow } from "../use-cases/send-digest.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const now: CommandSpec = {
  verb: "digest",
  sub: "now",
  usage: "/digest now",
  example: "/digest now",
  summary: "get the coordinator digest now instead of waiting for the weekly one",
  who: "coordinator",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (args.trim()) usageError(now, "`/digest now` needs nothing after it.");
    return sendDigestNow(core, inWorkstream(ctx));
  },
};

export const digestCommands: CommandSpec[] = [now];
