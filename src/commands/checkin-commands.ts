import { startCheckIn } from "../use-cases/open-check-in.ts";
import { showCheckInStatus } from "../use-cases/show-check-in-status.ts";
import { summariseCheckInNow } from "../use-cases/summarise-check-in.ts";
import { type CommandSpec, inWorkstream, optionalId } from "./spec.ts";

const start: CommandSpec<string> = {
  verb: "checkin",
  sub: "start",
  usage: "/checkin start [<M-n>]",
  example: "/checkin start M-3",
  summary: "open the check-in now (members get it privately)",
  who: "chair",
  needsWorkstream: true,
  parse: (args) => optionalId(start, args),
  run: (core, ctx, id) => startCheckIn(core, inWorkstream(ctx), id),
};

const status: CommandSpec<string> = {
  verb: "checkin",
  sub: "status",
  usage: "/checkin status [<M-n>]",
  example: "/checkin status M-3",
  summary: "see who has answered the check-in (never what)",
  who: "chair",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => optionalId(status, args),
  run: (core, ctx, id) => showCheckInStatus(core, inWorkstream(ctx), id),
};

const summary: CommandSpec<string> = {
  verb: "checkin",
  sub: "summary",
  usage: "/checkin summary [<M-n>]",
  example: "/checkin summary M-3",
  summary: "see the check-in summary so far",
  who: "chair",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => optionalId(summary, args),
  run: (core, ctx, id) => summariseCheckInNow(core, inWorkstream(ctx), id),
};

export const checkinCommands: CommandSpec[] = [start, status, summary];
