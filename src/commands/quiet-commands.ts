import { refuse } from "../domain/errors.ts";
import { code, rich } from "../domain/rich-text.ts";
import { setQuiet } from "../use-cases/set-quiet.ts";
import { readDay } from "./clauses.ts";
import { type CommandSpec, nothingMore } from "./spec.ts";

const quietUntil: CommandSpec<{ until: Date }> = {
  verb: "quiet",
  sub: "until",
  usage: "/quiet until <date>",
  example: "/quiet until next monday",
  summary: "no reminders until then (papers and check-ins still come)",
  who: "anyone",
  needsWorkstream: false,
  parse(args, at) {
    if (!args.trim())
      refuse(
        "quiet.usage",
        rich`Tell me until when, for example ${code("/quiet until 10 December")}, or ${code("/quiet off")}.`,
      );
    return { until: readDay(args, at, [code("/quiet until next monday")]) };
  },
  run: (core, ctx, input) => setQuiet(core, ctx, input),
};

const quietOff: CommandSpec = {
  verb: "quiet",
  sub: "off",
  usage: "/quiet off",
  example: "/quiet off",
  summary: "turn reminders back on",
  who: "anyone",
  needsWorkstream: false,
  parse: (args) => nothingMore(quietOff, args),
  run: (core, ctx) => setQuiet(core, ctx, "off"),
};

export const quietCommands: CommandSpec[] = [quietUntil, quietOff];
