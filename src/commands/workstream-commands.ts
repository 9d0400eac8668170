import type { Mention } from "../domain/mention.ts";
import { code, rich } from "../domain/rich-text.ts";
import { GROUPS, type Group, GroupSchema, ROLES, type Role, RoleSchema } from "../domain/roles.ts";
import { quoteBack, readText } from "../domain/text.ts";
import { addMembers, syncMembers } from "../use-cases/add-members.ts";
import { changeSetting } from "../use-cases/change-setting.ts";
import { askToCloseWorkstream } from "../use-cases/close-workstream.ts";
import { removeMember } from "../use-cases/remove-member.ts";
import { setMemberGroup } from "../use-cases/set-member-group.ts";
import { setMemberRole } from "../use-cases/set-member-role.ts";
import { setupWorkstream } from "../use-cases/setup-workstream.ts";
import { showWorkstream } from "../use-cases/show-workstream.ts";
import { HOW_TO_MENTION, takeMentions, words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, type ParseContext, usageError } from "./spec.ts";

/** The first word as a mention and the words after it; an unreadable `@name` is said so. */
function mentionThen(
  spec: Pick<CommandSpec, "verb" | "sub" | "example">,
  args: string,
  at: ParseContext,
  problem: string,
): { mention: Mention; rest: string[] } {
  const list = words(args);
  const { mentions, unreadable } = takeMentions(list.slice(0, 1), at.platform);
  if (unreadable) usageError(spec, unreadableMention(unreadable));
  const mention = mentions[0];
  if (!mention) usageError(spec, problem);
  return { mention, rest: list.slice(1) };
}

function unreadableMention(word: string): string {
  return `I couldn't read "${quoteBack(word)}" as a mention. ${HOW_TO_MENTION}.`;
}

const setup: CommandSpec<string> = {
  verb: "workstream",
  sub: "setup",
  usage: "/workstream setup <name>",
  example: "/workstream setup Medication safety",
  summary: "make this channel a workstream (you become its coordinator)",
  who: "anyone",
  needsWorkstream: false,
  outsideWorkstreamOnly: true,
  parse(args) {
    const name = readText("name", args);
    if (!name) usageError(setup, "Please give the workstream a name (up to 80 letters).");
    return name;
  },
  run: (core, ctx, name) => setupWorkstream(core, ctx, name),
};

const show: CommandSpec = {
  verb: "workstream",
  sub: "",
  usage: "/workstream",
  example: "/workstream",
  summary: "who is in this workstream, the next meeting, and its settings",
  who: "members",
  needsWorkstream: true,
  readOnly: () => true,
  parse(args) {
    if (args.trim())
      usageError(
        show,
        rich`I don't know ${code(`/workstream ${words(args)[0]}`)}. Type ${code("/workstream help")} to see what it can do.`,
      );
  },
  run: (core, ctx) => showWorkstream(core, inWorkstream(ctx)),
};

const add: CommandSpec<{ mentions: Mention[]; group: Group | undefined }> = {
  verb: "workstream",
  sub: "add",
  usage: "/workstream add <@people…> [as <group>]",
  example: "/workstream add @sam @kim as carer",
  summary: "add people (optionally with their stakeholder group)",
  who: "organisers",
  needsWorkstream: true,
  parse(args, at) {
    const { mentions, rest, unreadable } = takeMentions(words(args), at.platform);
    if (unreadable) usageError(add, unreadableMention(unreadable));
    if (mentions.length === 0) usageError(add, "Please name the people to add.");
    let group: Group | undefined;
    if (rest.length > 0) {
      const parsed =
        rest[0]?.toLowerCase() === "as" && rest.length === 2
          ? GroupSchema.safeParse(rest[1]?.toLowerCase())
          : undefined;
      if (!parsed?.success) usageError(add, `The group must be one of: ${GROUPS.join(", ")}.`);
      group = parsed.data;
    }
    return { mentions, group };
  },
  run: (core, ctx, input) => addMembers(core, inWorkstream(ctx), input.mentions, input.group),
};

const sync: CommandSpec = {
  verb: "workstream",
  sub: "sync",
  usage: "/workstream sync",
  example: "/workstream sync",
  summary: "add everyone in this channel",
  who: "organisers",
  needsWorkstream: true,
  parse: (args) => nothingMore(sync, args),
  run: (core, ctx) => syncMembers(core, inWorkstream(ctx)),
};

const remove: CommandSpec<Mention> = {
  verb: "workstream",
  sub: "remove",
  usage: "/workstream remove <@person>",
  example: "/workstream remove @sam",
  summary: "remove someone (what they said stays in the record)",
  who: "organisers",
  needsWorkstream: true,
  parse(args, at) {
    const { mention, rest } = mentionThen(remove, args, at, "Please name one person to remove.");
    if (rest.length > 0) usageError(remove, "Please name one person to remove.");
    return mention;
  },
  run: (core, ctx, mention) => removeMember(core, inWorkstream(ctx), mention),
};

const role: CommandSpec<{ mention: Mention; role: Role }> = {
  verb: "workstream",
  sub: "role",
  usage: "/workstream role <@person> chair|coordinator|member",
  example: "/workstream role @chris chair",
  summary: "make someone a chair, coordinator or member",
  who: "organisers",
  needsWorkstream: true,
  parse(args, at) {
    const problem = `Please name one person and a role (${ROLES.join(", ")}).`;
    const { mention, rest } = mentionThen(role, args, at, problem);
    const parsed = RoleSchema.safeParse(rest[0]?.toLowerCase());
    if (!parsed.success || rest.length !== 1) usageError(role, problem);
    return { mention, role: parsed.data };
  },
  run: (core, ctx, input) => setMemberRole(core, inWorkstream(ctx), input.mention, input.role),
};

const group: CommandSpec<{ mention: Mention; group: Group }> = {
  verb: "workstream",
  sub: "group",
  usage: "/workstream group <@person> <group>",
  example: "/workstream group @sam carer",
  summary: "set someone's stakeholder group (anyone may set their own)",
  who: "members",
  needsWorkstream: true,
  parse(args, at) {
    const problem = `Please name one person and a group (${GROUPS.join(", ")}).`;
    const { mention, rest } = mentionThen(group, args, at, problem);
    const parsed = GroupSchema.safeParse(rest[0]?.toLowerCase());
    if (!parsed.success || rest.length !== 1) usageError(group, problem);
    return { mention, group: parsed.data };
  },
  run: (core, ctx, input) => setMemberGroup(core, inWorkstream(ctx), input.mention, input.group),
};

const set: CommandSpec<{ name: string; value: string }> = {
  verb: "workstream",
  sub: "set",
  usage: "/workstream set <setting> <value>",
  example: "/workstream set papers-lead-days 10",
  summary: "change a setting (time zone, reminder timings, quiet hours, digest)",
  who: "organisers",
  needsWorkstream: true,
  parse(args) {
    const match = /^(\S+)\s+(.+)$/s.exec(args.trim());
    if (!match?.[1] || !match[2]) usageError(set, "Please give a setting and a value.");
    return { name: match[1].toLowerCase(), value: match[2] };
  },
  run: (core, ctx, input) => changeSetting(core, inWorkstream(ctx), input.name, input.value),
};

const close: CommandSpec = {
  verb: "workstream",
  sub: "close",
  usage: "/workstream close",
  example: "/workstream close",
  summary: "close the workstream when its work is done (asks you to confirm first)",
  who: "coordinator",
  needsWorkstream: true,
  parse: (args) => nothingMore(close, args),
  run: (core, ctx) => askToCloseWorkstream(core, inWorkstream(ctx)),
};

export const workstreamCommands: CommandSpec[] = [setup, show, add, sync, remove, role, group, set, close];
