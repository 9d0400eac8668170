import { refuse } from "../domain/errors.ts";
import { code, rich } from "../domain/rich-text.ts";
import { readText } from "../domain/text.ts";
import { addGlossaryTerm, type GlossaryInput } from "../use-cases/add-glossary-term.ts";
import { removeGlossaryTerm } from "../use-cases/remove-glossary-term.ts";
import { showGlossary } from "../use-cases/show-glossary.ts";
import { type CommandSpec, inWorkstream } from "./spec.ts";

const show: CommandSpec<string> = {
  verb: "glossary",
  sub: "",
  usage: "/glossary [<term>]",
  example: "/glossary ICB",
  summary: "plain meanings of the words this group uses (all, or one)",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse: (args) => readText("glossary word", args),
  run: (core, ctx, term) => showGlossary(core, inWorkstream(ctx), term),
};

const EXAMPLE = [
  code(
    "/glossary add ICB = Integrated Care Board: the NHS body that plans and pays for local health services",
  ),
];

const add: CommandSpec<GlossaryInput> = {
  verb: "glossary",
  sub: "add",
  usage: "/glossary add <term> = <plain meaning>",
  example: "/glossary add ICB = Integrated Care Board: the NHS body that plans local health services",
  summary: "add a word to the glossary, or change its meaning",
  who: "organisers",
  refusal: rich`Only the chair or coordinator can add a word to the glossary. You can look words up with ${code("/glossary <word>")}, or ask the chair to add one.`,
  needsWorkstream: true,
  parse(args) {
    const split = args.indexOf("=");
    const term = readText("glossary word", split < 0 ? args : args.slice(0, split));
    const meaning = readText("meaning", split < 0 ? "" : args.slice(split + 1));
    if (!term || !meaning)
      refuse(
        "glossary.usage",
        rich`Please write the word, an equals sign, then its plain meaning. For example: ${EXAMPLE}.`,
      );
    return { term, meaning };
  },
  run: (core, ctx, input) => addGlossaryTerm(core, inWorkstream(ctx), input),
};

const remove: CommandSpec<string> = {
  verb: "glossary",
  sub: "remove",
  usage: "/glossary remove <term>",
  example: "/glossary remove ICB",
  summary: "take a word out of the glossary",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse(args) {
    const term = readText("glossary word", args);
    if (!term)
      refuse(
        "glossary.remove",
        rich`Please name the word to take out, for example ${code("/glossary remove ICB")}.`,
      );
    return term;
  },
  run: (core, ctx, term) => removeGlossaryTerm(core, inWorkstream(ctx), term),
};

export const glossaryCommands: CommandSpec[] = [show, add, remove];
