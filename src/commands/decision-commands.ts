import { refuse } from "../domain/errors.ts";
import { parseId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { quoteBack, readText } from "../domain/text.ts";
import { type BringInput, bringDecision } from "../use-cases/bring-decision.ts";
import { listDecisions } from "../use-cases/list-decisions.ts";
import { type DecisionInput, recordDecision } from "../use-cases/record-decision.ts";
import { showOutcomes } from "../use-cases/show-outcomes.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, usageError } from "./spec.ts";

const record: CommandSpec<DecisionInput> = {
  verb: "decision",
  sub: "",
  usage: "/decision <what was decided> [outside] [dissent <D-n>…]",
  example: "/decision We will move the meetings to Thursdays dissent D-2",
  summary:
    "record a decision in the decision log (in the meeting under way, or with outside as made outside a meeting), with any dissent",
  who: "organisers",
  refusal: rich`Only the chair or coordinator can record a decision. You can see the log with ${code("/decision list")}, or record your own view with ${code("/dissent your view")}.`,
  topic: "After a meeting",
  needsWorkstream: true,
  parse: (args) => readDecision(args),
  run: (core, ctx, input) => recordDecision(core, inWorkstream(ctx), input),
};

const QUOTED = /^["“]([^"”]*)["”](?:\s+|$)/;

/**
 * Reads `<what was decided> [outside] [dissent <D-n>…]`: the two clauses at the end, in either
 * order (a decision in quotes may end with either word itself). After `dissent` every word must
 * be a dissent id (commas, with or without spaces, and "and" between them are fine), or the command is refused naming
 * the word; a `dissent` followed by two or more ordinary words is part of the decision, but one
 * that looks like a number, or a single word at the end, is refused.
 */
function readDecision(args: string): DecisionInput {
  const trimmed = args.trim();
  if (!trimmed) usageError(record, "Please say what was decided.");
  const quote = QUOTED.exec(trimmed);
  let list = words(quote ? trimmed.slice(quote[0].length) : trimmed);
  let outside = false;
  let dissent: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    if (!outside && list.at(-1)?.toLowerCase() === "outside") {
      outside = true;
      list = list.slice(0, -1);
      continue;
    }
    const at = dissent.length === 0 ? list.findLastIndex((w) => w.toLowerCase() === "dissent") : -1;
    if (at < 0) break;
    const rest = list
      .slice(at + 1)
      .flatMap((w) => w.split(","))
      .filter((w) => w !== "" && w.toLowerCase() !== "and");
    if (rest.length === 0) {
      if (at !== list.length - 1) break;
      refuse(
        "clause.unreadable",
        rich`Please name the dissent after "dissent", for example ${code("dissent D-4 D-7")}, or put the decision in quotes if "dissent" is part of it.`,
      );
    }
    const first = rest[0] ?? "";
    if (parseId("dissent", first) === undefined) {
      // "dissent 4", "dissent #4", "dissent D-x" or a lone "dissent banana" at the end is a
      // clause the bot could not read (§16), never folded into the decision; "dissent from
      // carers" is ordinary words.
      if (!/\d/.test(first) && !/^d-/i.test(first) && rest.length > 1) break;
      refuse(
        "clause.unreadable",
        rich`I couldn't read "${quoteBack(first)}" as a dissent number: they look like ${code("D-4")}. For example: ${code(record.example)}, or put the decision in quotes if "dissent" is part of it.`,
      );
    }
    if (!outside && rest.at(-1)?.toLowerCase() === "outside") {
      outside = true;
      rest.pop();
    }
    const unreadable = rest.find((w) => parseId("dissent", w) === undefined);
    if (unreadable !== undefined)
      refuse(
        "clause.unreadable",
        rich`I couldn't read "${quoteBack(unreadable)}" as a dissent number. For example: ${code(record.example)}.`,
      );
    dissent = rest;
    list = list.slice(0, at);
  }
  if (quote && list.length > 0)
    refuse(
      "clause.unreadable",
      rich`I couldn't read "${quoteBack(list.join(" "))}" after the decision in quotes. Put the decision in quotes first, then any clauses, for example ${code('/decision "Meetings stay online" outside')}.`,
    );
  const text = readText("decision", quote ? (quote[1] ?? "") : list.join(" "));
  if (!text) usageError(record, "Please say what was decided.");
  return { text, outside, dissent };
}

const list: CommandSpec = {
  verb: "decision",
  sub: "list",
  usage: "/decision list",
  example: "/decision list",
  summary: "the decision log: what was decided, where, and any dissent",
  who: "members",
  topic: "After a meeting",
  needsWorkstream: true,
  parse: (args) => nothingMore(list, args),
  readOnly: () => true,
  run: (core, ctx) => listDecisions(core, inWorkstream(ctx)),
};

const bring: CommandSpec<BringInput> = {
  verb: "decision",
  sub: "bring",
  usage: "/decision bring <DC-n> <M-n>",
  example: "/decision bring DC-3 M-4",
  summary:
    "put a decision made outside a meeting on that meeting's agenda (otherwise it goes to the next one)",
  who: "chair",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse(args) {
    const list = words(args);
    if (list.length > 2)
      usageError(
        bring,
        `Please name one decision and then one meeting; I couldn't read "${quoteBack(list.slice(2).join(" "))}".`,
      );
    if (list.length !== 2) usageError(bring, "Please name one decision and then one meeting.");
    return { decisionId: list[0] as string, meetingId: list[1] as string };
  },
  run: (core, ctx, input) => bringDecision(core, inWorkstream(ctx), input),
};

const outcomes: CommandSpec = {
  verb: "outcomes",
  sub: "",
  usage: "/outcomes",
  example: "/outcomes",
  summary: "You said, we did: everything members raised, and what happened to it",
  who: "members",
  topic: "Say what you think",
  needsWorkstream: true,
  parse: (args) => nothingMore(outcomes, args),
  readOnly: () => true,
  run: (core, ctx) => showOutcomes(core, inWorkstream(ctx)),
};

export const decisionCommands: CommandSpec[] = [record, list, bring, outcomes];
