import { setQuiet } from "../use-cases/set-quiet.ts";
import type { CommandSpec } from "./spec.ts";

const quietUntil: CommandSpec = {
  verb: "quiet",
  sub: "until",
  usage: "/quiet until <date>",
  example: "/quiet until next monday",
  summary: "no reminders until then (papers and check-ins still come)",
  who: "anyone",
  needsWorkstream: false,
  run: (core, ctx, args) => setQuiet(core, ctx, `until ${args}`),
};

const quietOff: CommandSpec = {
  verb: "quiet",
  sub: "off",
  usage: "/quiet off",
  example: "/quiet off",
  summary: "turn reminders back on",
  who: "anyone",
  needsWorkstream: false,
  run: (core, ctx) => setQuiet(core, ctx, "off"),
};

export const quietCommands: CommandSpec[] = [quietUntil, quietOff];
