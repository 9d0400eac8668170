import { startCheckIn } from "../use-cases/open-check-in.ts";
import { showCheckInStatus } from "../use-cases/show-check-in-status.ts";
import { summariseCheckInNow } from "../use-cases/summarise-check-in.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

/** At most one meeting id after the sub-command. */
function meetingArg(spec: CommandSpec, args: string): string {
  const list = words(args);
  if (list.length > 1) usageError(spec, "Name at most one meeting.");
  return list[0] ?? "";
}

const start: CommandSpec = {
  verb: "checkin",
  sub: "start",
  usage: "/checkin start [<M-n>]",
  example: "/checkin start M-3",
  summary: "open the check-in now (members get it privately)",
  who: "chair",
  needsWorkstream: true,
  run: (core, ctx, args) => startCheckIn(core, inWorkstream(ctx), meetingArg(start, args)),
};

const status: CommandSpec = {
  verb: "checkin",
  sub: "status",
  usage: "/checkin status [<M-n>]",
  example: "/checkin status M-3",
  summary: "see who has answered the check-in (never what)",
  who: "chair",
  needsWorkstream: true,
  run: (core, ctx, args) => showCheckInStatus(core, inWorkstream(ctx), meetingArg(status, args)),
};

const summary: CommandSpec = {
  verb: "checkin",
  sub: "summary",
  usage: "/checkin summary [<M-n>]",
  example: "/checkin summary M-3",
  summary: "see the check-in summary so far",
  who: "chair",
  needsWorkstream: true,
  run: (core, ctx, args) => summariseCheckInNow(core, inWorkstream(ctx), meetingArg(summary, args)),
};

export const checkinCommands: CommandSpec[] = [start, status, summary];
