import { listDissent } from "../use-cases/list-dissent.ts";
import { recordDissent } from "../use-cases/record-dissent.ts";
import { withdrawDissentCommand } from "../use-cases/withdraw-dissent.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

// One spec serves both `/dissent <view>` (anyone) and `/dissent <@person> <view>` (chairs):
// the router matches on the sub-command word, and record-dissent checks the chair's role.
const record: CommandSpec = {
  verb: "dissent",
  sub: "",
  usage: "/dissent <view> · /dissent <@person> <view>",
  example: "/dissent I don't think the new rota is safe for night staff",
  summary:
    "record your view in the dissent register (chairs can record a member's, who is asked to confirm it)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (!args.trim()) usageError(record, "Please say what your view is.");
    return recordDissent(core, inWorkstream(ctx), args);
  },
};

const list: CommandSpec = {
  verb: "dissent",
  sub: "list",
  usage: "/dissent list",
  example: "/dissent list",
  summary: "the dissent register, with each entry's history",
  who: "members",
  needsWorkstream: true,
  run: (core, ctx) => listDissent(core, inWorkstream(ctx)),
};

const withdraw: CommandSpec = {
  verb: "dissent",
  sub: "withdraw",
  usage: "/dissent withdraw <D-n>",
  example: "/dissent withdraw D-3",
  summary: "withdraw a view of yours (it stays in the register, marked as withdrawn)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length !== 1) usageError(withdraw, "Please name one of your views.");
    return withdrawDissentCommand(core, inWorkstream(ctx), list[0]);
  },
};

export const dissentCommands: CommandSpec[] = [record, list, withdraw];
