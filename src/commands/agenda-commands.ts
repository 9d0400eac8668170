import { parseId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { readText } from "../domain/text.ts";
import { type AgendaItemInput, addAgendaItem, dropAgendaItem, showAgenda } from "../use-cases/agenda.ts";
import { suggestAgendaItem } from "../use-cases/suggest-agenda-item.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, oneId, usageError } from "./spec.ts";

const show: CommandSpec<string | undefined> = {
  verb: "agenda",
  sub: "",
  usage: "/agenda [<M-n>]",
  example: "/agenda M-3",
  summary: "see what the next (or named) meeting will cover, and its papers",
  who: "members",
  topic: "Before a meeting",
  needsWorkstream: true,
  readOnly: () => true,
  parse(args) {
    const given = words(args);
    if (given.length > 1 || (given[0] !== undefined && parseId("meeting", given[0]) === undefined))
      usageError(show, "Name one meeting, or nothing for the next one.");
    return given[0];
  },
  run: (core, ctx, id) => showAgenda(core, inWorkstream(ctx), id),
};

/** Reads `[<M-n>] <item>`: a first word that is a meeting id names the meeting. */
function readItem(spec: CommandSpec<AgendaItemInput>, args: string): AgendaItemInput {
  let rest = args.trim();
  const first = /^\S+/.exec(rest)?.[0];
  let meetingId: string | undefined;
  if (first && parseId("meeting", first) !== undefined) {
    meetingId = first;
    rest = rest.slice(first.length);
  }
  const text = readText("agenda item", rest);
  if (!text) usageError(spec, "Please write what the item is about.");
  return { ...(meetingId ? { meetingId } : {}), text };
}

const add: CommandSpec<AgendaItemInput> = {
  verb: "agenda",
  sub: "add",
  usage: "/agenda add [<M-n>] <item>",
  example: "/agenda add M-3 Transport to meetings",
  summary: "put an item on the next (or named) meeting's agenda",
  who: "chair",
  topic: "Before a meeting",
  refusal: rich`Only the chair can add to the agenda. You can suggest an item to the chair with ${code("/agenda suggest what to talk about")}.`,
  needsWorkstream: true,
  parse: (args) => readItem(add, args),
  run: (core, ctx, input) => addAgendaItem(core, inWorkstream(ctx), input),
};

const drop: CommandSpec<string> = {
  verb: "agenda",
  sub: "drop",
  usage: "/agenda drop <A-n>",
  example: "/agenda drop A-2",
  summary: "take an item off the agenda",
  who: "chair",
  topic: "Before a meeting",
  refusal: rich`Only the chair can take items off the agenda. To see it: ${code("/agenda")}.`,
  needsWorkstream: true,
  parse: (args) => oneId(drop, args, "Name the agenda item to take off."),
  run: (core, ctx, id) => dropAgendaItem(core, inWorkstream(ctx), id),
};

const suggest: CommandSpec<AgendaItemInput> = {
  verb: "agenda",
  sub: "suggest",
  usage: "/agenda suggest [<M-n>] <item>",
  example: "/agenda suggest M-3 Transport to meetings",
  summary: "suggest an item for the agenda, privately to the chair",
  who: "members",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse: (args) => readItem(suggest, args),
  run: (core, ctx, input) => suggestAgendaItem(core, inWorkstream(ctx), input),
};

export const agendaCommands: CommandSpec[] = [show, add, drop, suggest];
