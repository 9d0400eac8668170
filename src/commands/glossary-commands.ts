import { addGlossaryTerm } from "../use-cases/add-glossary-term.ts";
import { showGlossary } from "../use-cases/show-glossary.ts";
import { type CommandSpec, inWorkstream } from "./spec.ts";

const show: CommandSpec = {
  verb: "glossary",
  sub: "",
  usage: "/glossary [<term>]",
  example: "/glossary ICB",
  summary: "plain meanings of the words this group uses (all, or one)",
  who: "members",
  needsWorkstream: true,
  run: (core, ctx, args) => showGlossary(core, inWorkstream(ctx), args),
};

const add: CommandSpec = {
  verb: "glossary",
  sub: "add",
  usage: "/glossary add <term> = <plain meaning>",
  example: "/glossary add ICB = Integrated Care Board: the NHS body that plans local health services",
  summary: "add a word to the glossary, or change its meaning",
  who: "organisers",
  refusal:
    "Only the chair or coordinator can add a word to the glossary. You can look words up with `/glossary <word>`, or ask the chair to add one.",
  needsWorkstream: true,
  run: (core, ctx, args) => addGlossaryTerm(core, inWorkstream(ctx), args),
};

export const glossaryCommands: CommandSpec[] = [show, add];
