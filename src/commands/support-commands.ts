import { closeSupport } from "../use-cases/close-support.ts";
import { listSupport } from "../use-cases/list-support.ts";
import { requestSupport } from "../use-cases/request-support.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const ask: CommandSpec = {
  verb: "support",
  sub: "",
  usage: "/support <what you need>",
  example: "/support accessibility papers in large print",
  summary: "ask privately for practical, accessibility or wellbeing support (only the coordinator sees it)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (!args.trim()) usageError(ask, "Please say what would help.");
    return requestSupport(core, inWorkstream(ctx), args);
  },
};

const list: CommandSpec = {
  verb: "support",
  sub: "list",
  usage: "/support list",
  example: "/support list",
  summary: "your support requests (coordinators: every open one)",
  who: "members",
  needsWorkstream: true,
  run: (core, ctx) => listSupport(core, inWorkstream(ctx)),
};

const done: CommandSpec = {
  verb: "support",
  sub: "done",
  usage: "/support done <S-n>",
  example: "/support done S-3",
  summary: "mark a support request as sorted (the person is told)",
  who: "coordinator",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length !== 1) usageError(done, "Please name one support request.");
    return closeSupport(core, inWorkstream(ctx), list[0] as string);
  },
};

export const supportCommands: CommandSpec[] = [ask, list, done];
