import type { Mention } from "../domain/mention.ts";
import { code, rich } from "../domain/rich-text.ts";
import { quoteBack, readText } from "../domain/text.ts";
import { addProgrammeLead } from "../use-cases/add-programme-lead.ts";
import { addProgrammeWorkstream } from "../use-cases/add-programme-workstream.ts";
import { changeProgrammeSetting } from "../use-cases/change-programme-setting.ts";
import { setupProgramme } from "../use-cases/setup-programme.ts";
import { showProgramme } from "../use-cases/show-programme.ts";
import { HOW_TO_MENTION, takeMentions, words } from "./mentions.ts";
import type { CommandSpec } from "./spec.ts";
import { usageError } from "./spec.ts";

// Programme commands work outside a workstream: the programme is its board's channel (or, in a
// direct message, the one programme the caller leads). Who may run each is the use case's check,
// since a lead is not a workstream role.

const setup: CommandSpec<string> = {
  verb: "programme",
  sub: "setup",
  usage: "/programme setup <name>",
  example: "/programme setup Mental health programme",
  summary: "make this channel a programme board's (you become a programme lead)",
  who: "anyone",
  needsWorkstream: false,
  outsideWorkstreamOnly: true,
  parse(args) {
    const name = readText("name", args);
    if (!name) usageError(setup, "Please give the programme a name (up to 80 letters).");
    return name;
  },
  run: (core, ctx, name) => setupProgramme(core, ctx, name),
};

const add: CommandSpec<string> = {
  verb: "programme",
  sub: "add",
  usage: "/programme add <workstream name>",
  example: "/programme add Medication safety",
  summary: "bring a workstream you coordinate (or chair, as a programme lead) into the programme",
  who: "anyone",
  needsWorkstream: false,
  parse(args) {
    const name = readText("name", args);
    if (!name) usageError(add, "Please name the workstream to add.");
    return name;
  },
  run: (core, ctx, name) => addProgrammeWorkstream(core, ctx, name),
};

const lead: CommandSpec<Mention> = {
  verb: "programme",
  sub: "lead",
  usage: "/programme lead <@person>",
  example: "/programme lead @chris",
  summary: "make someone a programme lead (programme leads)",
  who: "anyone",
  needsWorkstream: false,
  parse(args, at) {
    const list = words(args);
    const { mentions, rest, unreadable } = takeMentions(list, at.platform);
    if (unreadable)
      usageError(lead, `I couldn't read "${quoteBack(unreadable)}" as a mention. ${HOW_TO_MENTION}.`);
    const mention = mentions[0];
    const extra = mentions.length === 1 ? rest[0] : undefined;
    if (mention && extra)
      usageError(
        lead,
        `I couldn't read "${quoteBack(extra)}" after the person. Please name just one person.`,
      );
    if (!mention || mentions.length !== 1 || list.length !== 1) usageError(lead, "Please name one person.");
    return mention;
  },
  run: (core, ctx, mention) => addProgrammeLead(core, ctx, mention),
};

const set: CommandSpec<{ name: string; value: string }> = {
  verb: "programme",
  sub: "set",
  usage: "/programme set <setting> <value>",
  example: "/programme set digest mon 09:00",
  summary: "change the programme digest's day and time, time zone or quiet hours (programme leads)",
  who: "anyone",
  needsWorkstream: false,
  parse(args) {
    const match = /^(\S+)\s+(.+)$/s.exec(args.trim());
    if (!match?.[1] || !match[2]) usageError(set, "Please give a setting and a value.");
    return { name: match[1].toLowerCase(), value: match[2] };
  },
  run: (core, ctx, input) => changeProgrammeSetting(core, ctx, input.name, input.value),
};

const show: CommandSpec = {
  verb: "programme",
  sub: "",
  usage: "/programme",
  example: "/programme",
  summary: "the whole programme at a glance (programme leads)",
  who: "anyone",
  needsWorkstream: false,
  parse(args) {
    if (args.trim())
      usageError(
        show,
        rich`I don't know ${code(`/programme ${words(args)[0]}`)}. Type ${code("/programme help")} to see what it can do.`,
      );
  },
  run: (core, ctx) => showProgramme(core, ctx),
};

export const programmeCommands: CommandSpec[] = [setup, add, lead, set, show];
