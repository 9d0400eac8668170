import { sendDigestNow } from "../use-cases/send-digest.ts";
import { type CommandSpec, inWorkstream, nothingMore } from "./spec.ts";

const now: CommandSpec = {
  verb: "digest",
  sub: "now",
  usage: "/digest now",
  example: "/digest now",
  summary: "get the coordinator digest now instead of waiting for the weekly one",
  who: "coordinator",
  needsWorkstream: true,
  parse: (args) => nothingMore(now, args),
  run: (core, ctx) => sendDigestNow(core, inWorkstream(ctx)),
};

export const digestCommands: CommandSpec[] = [now];
