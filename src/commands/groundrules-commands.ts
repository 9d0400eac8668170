import { GROUND_RULE_COUNT } from "../domain/ground-rules.ts";
import type { Text } from "../domain/rich-text.ts";
import { readText } from "../domain/text.ts";
import { agreeGroundRule } from "../use-cases/agree-ground-rule.ts";
import { askGroundRules } from "../use-cases/ask-ground-rules.ts";
import { showGroundRuleHistory, showGroundRules } from "../use-cases/show-ground-rules.ts";
import { showGroundRulesSummary } from "../use-cases/summarise-ground-rules.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, usageError } from "./spec.ts";

/** The question's number, 1-9, or refuses with `problem`. */
function questionNumber(
  spec: Pick<CommandSpec, "verb" | "sub" | "example">,
  word: string | undefined,
  problem: Text,
): number {
  const n = Number(word);
  if (!word || !/^\d+$/.test(word) || n < 1 || n > GROUND_RULE_COUNT) usageError(spec, problem);
  return n;
}

const show: CommandSpec<number | undefined> = {
  verb: "groundrules",
  sub: "",
  usage: "/groundrules [<1-9>]",
  example: "/groundrules",
  summary: "see how the group has agreed to work together (with a number, that rule's history)",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse(args) {
    const list = words(args);
    if (list.length === 0) return undefined;
    // The example is the one-rule form, not plain /groundrules: that is what they were typing.
    const oneRule = { ...show, example: "/groundrules 3" };
    const problem = `To see one ground rule and its history, give just its number, from 1 to ${GROUND_RULE_COUNT}.`;
    if (list.length > 1) usageError(oneRule, problem);
    return questionNumber(oneRule, list[0], problem);
  },
  run: (core, ctx, question) =>
    question === undefined
      ? showGroundRules(core, inWorkstream(ctx))
      : showGroundRuleHistory(core, inWorkstream(ctx), question),
};

const ask: CommandSpec = {
  verb: "groundrules",
  sub: "ask",
  usage: "/groundrules ask",
  example: "/groundrules ask",
  summary: "ask every member privately what they think of the ground rules",
  who: "chair",
  needsWorkstream: true,
  parse: (args) => nothingMore(ask, args),
  run: (core, ctx) => askGroundRules(core, inWorkstream(ctx)),
};

const summary: CommandSpec = {
  verb: "groundrules",
  sub: "summary",
  usage: "/groundrules summary",
  example: "/groundrules summary",
  summary: "see what members said about the ground rules",
  who: "chair",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => nothingMore(summary, args),
  run: (core, ctx) => showGroundRulesSummary(core, inWorkstream(ctx)),
};

const set: CommandSpec<{ question: number; answer: string }> = {
  verb: "groundrules",
  sub: "set",
  usage: "/groundrules set <1-9> <agreed answer>",
  example: "/groundrules set 2 Everyone speaks once before anyone speaks twice",
  summary: "record the answer the group agreed to one of the nine questions",
  who: "chair",
  needsWorkstream: true,
  parse(args) {
    const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(args.trim());
    const question = Number(match?.[1]);
    if (!match || !/^\d+$/.test(match[1] ?? "") || question < 1 || question > GROUND_RULE_COUNT) {
      usageError(
        set,
        `Start with the question's number, from 1 to ${GROUND_RULE_COUNT}, then the agreed answer.`,
      );
    }
    const answer = readText("ground rule", match?.[2] ?? "");
    if (!answer) usageError(set, `Please write the answer the group agreed after the number ${question}.`);
    return { question, answer };
  },
  run: (core, ctx, input) => agreeGroundRule(core, inWorkstream(ctx), input),
};

export const groundrulesCommands: CommandSpec[] = [show, ask, summary, set];
