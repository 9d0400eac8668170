import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, rich } from "../domain/rich-text.ts";
import { listOneToOnes } from "../use-cases/list-one-to-ones.ts";
import { logOneToOne } from "../use-cases/log-one-to-one.ts";
import { askForOneToOne } from "../use-cases/request-one-to-one.ts";
import { readDay, readOnePerson } from "./clauses.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, usageError } from "./spec.ts";

/** Nothing (list them), or the member met and, after `on`, the day (today when left out). */
type OneToOneInput = { mention?: undefined } | { mention: Mention; day?: Date };

/**
 * `/onetoone` alone lists (each role sees what §6 allows); `/onetoone <@person> [on <date>]`
 * logs one and is for chairs. Both share the bare verb, so one spec serves both.
 */
const oneToOne: CommandSpec<OneToOneInput> = {
  verb: "onetoone",
  sub: "",
  usage: "/onetoone [<@person> [on <date>]]",
  example: "/onetoone @sam on 2026-12-01",
  summary: "see one-to-ones; chairs log one held (today unless you give a date)",
  who: "members",
  needsWorkstream: true,
  readOnly: (input) => !input.mention,
  parse(args, at) {
    const list = words(args);
    if (list.length === 0) return {};
    const mention = readOnePerson(list.slice(0, 1), at, "onetoone.usage", oneToOne.example);
    const rest = list.slice(1);
    if (rest.length === 0) return { mention };
    if (rest[0]?.toLowerCase() !== "on" || rest.length === 1)
      usageError(oneToOne, rich`Put the day after ${code("on")}.`);
    return {
      mention,
      day: readDay(rest.slice(1).join(" "), at, [code("/onetoone @sam on 2026-12-01")]),
    };
  },
  run(core, ctx, input) {
    if (!input.mention) return listOneToOnes(core, inWorkstream(ctx));
    if (ctx.member?.role !== "chair") {
      refuse(
        "permission.denied",
        rich`Only the chair can log a one-to-one. To ask for one yourself, type ${code("/onetoone request")}.`,
      );
    }
    return logOneToOne(core, inWorkstream(ctx), input.mention, input.day);
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
  parse: (args) => nothingMore(request, args),
  run: (core, ctx) => askForOneToOne(core, inWorkstream(ctx)),
};

export const oneToOneCommands: CommandSpec[] = [oneToOne, request];
