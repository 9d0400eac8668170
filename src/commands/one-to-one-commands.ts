import { refuse } from "../domain/errors.ts";
import { listOneToOnes } from "../use-cases/list-one-to-ones.ts";
import { logOneToOne } from "../use-cases/log-one-to-one.ts";
import { askForOneToOne } from "../use-cases/request-one-to-one.ts";
import { readMention, words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

/**
 * `/onetoone` alone lists (each role sees what §6 allows); `/onetoone <@person> [on <date>]`
 * logs one and is for chairs. Both share the bare verb, so one spec serves both.
 */
const oneToOne: CommandSpec = {
  verb: "onetoone",
  sub: "",
  usage: "/onetoone [<@person> [on <date>]]",
  example: "/onetoone @sam on 2026-12-01",
  summary: "see one-to-ones; chairs log one held (today unless you give a date)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length === 0) return listOneToOnes(core, inWorkstream(ctx));
    const mention = readMention(list[0] as string, ctx.platform);
    if (!mention) usageError(oneToOne, "Please name the member you met first.");
    if (ctx.member?.role !== "chair") {
      refuse(
        "permission.denied",
        "Only the chair can log a one-to-one. To ask for one yourself, type `/onetoone request`.",
      );
    }
    const rest = list.slice(1).join(" ");
    if (rest && !/^on\s/i.test(rest)) usageError(oneToOne, "Put the day after `on`.");
    return logOneToOne(core, inWorkstream(ctx), mention, rest);
  },
};

const request: CommandSpec = {
  verb: "onetoone",
  sub: "request",
  usage: "/onetoone request",
  example: "/onetoone request",
  summary: "ask the chair for a one-to-one",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (args.trim()) usageError(request, "`/onetoone request` needs nothing after it.");
    return askForOneToOne(core, inWorkstream(ctx));
  },
};

export const oneToOneCommands: CommandSpec[] = [oneToOne, request];
