import { GROUPS, GroupSchema, ROLES, RoleSchema } from "../domain/roles.ts";
import { addMembers, syncMembers } from "../use-cases/add-members.ts";
import { changeSetting } from "../use-cases/change-setting.ts";
import { removeMember } from "../use-cases/remove-member.ts";
import { setMemberGroup } from "../use-cases/set-member-group.ts";
import { setMemberRole } from "../use-cases/set-member-role.ts";
import { setupWorkstream } from "../use-cases/setup-workstream.ts";
import { showWorkstream } from "../use-cases/show-workstream.ts";
import { readMention, takeMentions, words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const setup: CommandSpec = {
  verb: "workstream",
  sub: "setup",
  usage: "/workstream setup <name>",
  example: "/workstream setup Medication safety",
  summary: "make this channel a workstream (you become its coordinator)",
  who: "anyone",
  needsWorkstream: false,
  outsideWorkstreamOnly: true,
  run(core, ctx, args) {
    const name = args.trim();
    if (!name || name.length > 80) usageError(setup, "Please give the workstream a name (up to 80 letters).");
    return setupWorkstream(core, ctx, name);
  },
};

const show: CommandSpec = {
  verb: "workstream",
  sub: "",
  usage: "/workstream",
  example: "/workstream",
  summary: "who is in this workstream, the next meeting, and its settings",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (args.trim()) usageError(show, `I don't know \`/workstream ${words(args)[0]}\`.`);
    return showWorkstream(core, inWorkstream(ctx));
  },
};

const add: CommandSpec = {
  verb: "workstream",
  sub: "add",
  usage: "/workstream add <@people…> [as <group>]",
  example: "/workstream add @sam @kim as carer",
  summary: "add people (optionally with their stakeholder group)",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const { mentions, rest } = takeMentions(words(args), ctx.platform);
    if (mentions.length === 0) usageError(add, "Please name the people to add.");
    let group: (typeof GROUPS)[number] | undefined;
    if (rest.length > 0) {
      const parsed =
        rest[0]?.toLowerCase() === "as" && rest.length === 2
          ? GroupSchema.safeParse(rest[1]?.toLowerCase())
          : undefined;
      if (!parsed?.success) usageError(add, `The group must be one of: ${GROUPS.join(", ")}.`);
      group = parsed.data;
    }
    return addMembers(core, inWorkstream(ctx), mentions, group);
  },
};

const sync: CommandSpec = {
  verb: "workstream",
  sub: "sync",
  usage: "/workstream sync",
  example: "/workstream sync",
  summary: "add everyone in this channel",
  who: "organisers",
  needsWorkstream: true,
  run: (core, ctx) => syncMembers(core, inWorkstream(ctx)),
};

const remove: CommandSpec = {
  verb: "workstream",
  sub: "remove",
  usage: "/workstream remove <@person>",
  example: "/workstream remove @sam",
  summary: "remove someone (what they said stays in the record)",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    const mention = list.length === 1 ? readMention(list[0] as string, ctx.platform) : undefined;
    if (!mention) usageError(remove, "Please name one person to remove.");
    return removeMember(core, inWorkstream(ctx), mention);
  },
};

const role: CommandSpec = {
  verb: "workstream",
  sub: "role",
  usage: "/workstream role <@person> chair|coordinator|member",
  example: "/workstream role @chris chair",
  summary: "make someone a chair, coordinator or member",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    const mention = readMention(list[0] ?? "", ctx.platform);
    const parsed = RoleSchema.safeParse(list[1]?.toLowerCase());
    if (!mention || !parsed.success || list.length !== 2) {
      usageError(role, `Please name one person and a role (${ROLES.join(", ")}).`);
    }
    return setMemberRole(core, inWorkstream(ctx), mention, parsed.data);
  },
};

const group: CommandSpec = {
  verb: "workstream",
  sub: "group",
  usage: "/workstream group <@person> <group>",
  example: "/workstream group @sam carer",
  summary: "set someone's stakeholder group (anyone may set their own)",
  who: "members",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    const mention = readMention(list[0] ?? "", ctx.platform);
    const parsed = GroupSchema.safeParse(list[1]?.toLowerCase());
    if (!mention || !parsed.success || list.length !== 2) {
      usageError(group, `Please name one person and a group (${GROUPS.join(", ")}).`);
    }
    return setMemberGroup(core, inWorkstream(ctx), mention, parsed.data);
  },
};

const set: CommandSpec = {
  verb: "workstream",
  sub: "set",
  usage: "/workstream set <setting> <value>",
  example: "/workstream set papers-lead-days 10",
  summary: "change a setting (time zone, reminder timings, quiet hours, digest)",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const match = /^(\S+)\s+(.+)$/.exec(args.trim());
    if (!match?.[1] || !match[2]) usageError(set, "Please give a setting and a value.");
    return changeSetting(core, inWorkstream(ctx), match[1].toLowerCase(), match[2]);
  },
};

export const workstreamCommands: CommandSpec[] = [setup, show, add, sync, remove, role, group, set];
