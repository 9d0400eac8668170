import { dropParked } from "../use-cases/drop-parked.ts";
import { listParked } from "../use-cases/list-parked.ts";
import { parkItem } from "../use-cases/park-item.ts";
import { resolveParked } from "../use-cases/resolve-parked.ts";
import { revisitParked } from "../use-cases/revisit-parked.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const park: CommandSpec = {
  verb: "park",
  sub: "",
  usage: "/park <issue> [revisit <when>] [owner <@person>] · /park <D-n> …",
  example: "/park Transport costs for carers revisit 2027-01-12 owner @sam",
  summary: "park an issue, or a recorded dissent, to come back to later",
  who: "organisers",
  refusal:
    "Only the chair or coordinator can park an issue. You can record your own view with `/dissent your view`.",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (!args.trim()) usageError(park, "Please say what the issue is.");
    return parkItem(core, inWorkstream(ctx), args);
  },
};

const list: CommandSpec = {
  verb: "parked",
  sub: "",
  usage: "/parked",
  example: "/parked",
  summary: "the parking lot: open items with their owner and revisit date",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (args.trim())
      usageError(
        list,
        "`/parked` on its own lists the open items; to change one, say resolve, drop or revisit.",
      );
    return listParked(core, inWorkstream(ctx));
  },
};

const resolve: CommandSpec = {
  verb: "parked",
  sub: "resolve",
  usage: "/parked resolve <P-n> <outcome>",
  example: "/parked resolve P-4 Agreed to trial the new rota for three months",
  summary: "mark a parked item resolved, with the outcome",
  who: "organisers",
  needsWorkstream: true,
  run: (core, ctx, args) => resolveParked(core, inWorkstream(ctx), args),
};

const drop: CommandSpec = {
  verb: "parked",
  sub: "drop",
  usage: "/parked drop <P-n> <reason>",
  example: "/parked drop P-4 No longer needed after the service change",
  summary: "drop a parked item, with the reason",
  who: "organisers",
  needsWorkstream: true,
  run: (core, ctx, args) => dropParked(core, inWorkstream(ctx), args),
};

const revisit: CommandSpec = {
  verb: "parked",
  sub: "revisit",
  usage: "/parked revisit <P-n> <when>",
  example: "/parked revisit P-4 2027-02-09",
  summary: "set a new day to come back to a parked item",
  who: "organisers",
  needsWorkstream: true,
  run: (core, ctx, args) => revisitParked(core, inWorkstream(ctx), args),
};

export const parkingCommands: CommandSpec[] = [park, list, resolve, drop, revisit];
