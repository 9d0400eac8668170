import { readSupportNeed, type SupportKind } from "../domain/support.ts";
import { readText } from "../domain/text.ts";
import { closeSupport } from "../use-cases/close-support.ts";
import { listSupport } from "../use-cases/list-support.ts";
import { requestSupport } from "../use-cases/request-support.ts";
import { type CommandSpec, inWorkstream, nothingMore, oneId, usageError } from "./spec.ts";

const ask: CommandSpec<{ kind: SupportKind; need: string }> = {
  verb: "support",
  sub: "",
  usage: "/support <what you need>",
  example: "/support accessibility papers in large print",
  summary: "ask privately for practical, accessibility or wellbeing support (only the coordinator sees it)",
  who: "members",
  needsWorkstream: true,
  parse(args) {
    if (!args.trim()) usageError(ask, "Please say what would help.");
    const { kind, need } = readSupportNeed(args);
    return { kind, need: readText("support", need) };
  },
  run: (core, ctx, input) => requestSupport(core, inWorkstream(ctx), input),
};

const list: CommandSpec = {
  verb: "support",
  sub: "list",
  usage: "/support list",
  example: "/support list",
  summary: "your support requests (coordinators: every open one)",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => nothingMore(list, args),
  run: (core, ctx) => listSupport(core, inWorkstream(ctx)),
};

const done: CommandSpec<string> = {
  verb: "support",
  sub: "done",
  usage: "/support done <S-n>",
  example: "/support done S-3",
  summary: "mark a support request as sorted (the person is told)",
  who: "coordinator",
  needsWorkstream: true,
  parse: (args) => oneId(done, args, "Please name one support request."),
  run: (core, ctx, id) => closeSupport(core, inWorkstream(ctx), id),
};

export const supportCommands: CommandSpec[] = [ask, list, done];
