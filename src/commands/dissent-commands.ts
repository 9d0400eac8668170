import { quoteBack, readText } from "../domain/text.ts";
import { listDissent } from "../use-cases/list-dissent.ts";
import { type DissentInput, recordDissent } from "../use-cases/record-dissent.ts";
import { withdrawDissentCommand } from "../use-cases/withdraw-dissent.ts";
import { HOW_TO_MENTION, looksLikeMention, readMention } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, oneId, usageError } from "./spec.ts";

// One spec serves both `/dissent <view>` (anyone) and `/dissent <@person> <view>` (chairs):
// the router matches on the sub-command word, and record-dissent checks the chair's role.
const record: CommandSpec<DissentInput> = {
  verb: "dissent",
  sub: "",
  usage: "/dissent <view> · /dissent <@person> <view>",
  example: "/dissent I don't think the new rota is safe for night staff",
  summary:
    "record your view in the dissent register (chairs can record a member's, who is asked to confirm it)",
  who: "members",
  needsWorkstream: true,
  parse(args, at) {
    const text = args.trim();
    if (!text) usageError(record, "Please say what your view is.");
    const first = /^<@[^>]*>|^\S+/.exec(text)?.[0] ?? "";
    const mention = readMention(first, at.platform);
    if (!mention && looksLikeMention(first)) {
      usageError(
        record,
        `I couldn't read "${quoteBack(first)}" as a mention. ${HOW_TO_MENTION}, or leave it out to record your own view.`,
      );
    }
    const view = readText("view", mention ? text.slice(first.length) : text);
    return mention ? { mention, view } : { view };
  },
  run: (core, ctx, input) => recordDissent(core, inWorkstream(ctx), input),
};

const list: CommandSpec = {
  verb: "dissent",
  sub: "list",
  usage: "/dissent list",
  example: "/dissent list",
  summary: "the dissent register, with each entry's history",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => nothingMore(list, args),
  run: (core, ctx) => listDissent(core, inWorkstream(ctx)),
};

const withdraw: CommandSpec<string> = {
  verb: "dissent",
  sub: "withdraw",
  usage: "/dissent withdraw <D-n>",
  example: "/dissent withdraw D-3",
  summary: "withdraw a view of yours (it stays in the register, marked as withdrawn)",
  who: "members",
  needsWorkstream: true,
  parse: (args) => oneId(withdraw, args, "Please name one of your views."),
  run: (core, ctx, id) => withdrawDissentCommand(core, inWorkstream(ctx), id),
};

export const dissentCommands: CommandSpec[] = [record, list, withdraw];
