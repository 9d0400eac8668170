/**
 * Writes the parts of the two app manifests that follow from the command catalog
 * (src/commands/catalog.ts), so a new command needs no hand edit of either:
 *
 *   npm run manifests              rewrites adapters/slack/manifest.yml (features.slash_commands)
 *                                  and adapters/teams/appPackage/manifest.json (bots[0].commandLists)
 *   npm run manifests -- --check   changes nothing; exits 1 if either file is out of date
 *
 * Everything else in both files (comments included) is kept as it is. The platforms' limits are
 * checked here, so a catalog that would break them stops with a sentence instead of writing a
 * manifest Slack or Teams would refuse. The manifest tests (test/slack/slack-manifest.test.ts,
 * test/teams/teams-manifest.test.ts) fail while the committed files differ from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { COMMANDS, UMBRELLA } from "../src/commands/catalog.ts";
import type { CommandSpec } from "../src/commands/spec.ts";

const ROOT = join(import.meta.dirname, "..");
export const SLACK_MANIFEST = join(ROOT, "adapters", "slack", "manifest.yml");
export const TEAMS_MANIFEST = join(ROOT, "adapters", "teams", "appPackage", "manifest.json");

/** Slack's limits (slackapi/manifest-schema `features.slash_commands`; the help centre's built-ins). */
export const SLACK_LIMITS = { commands: 50, commandLength: 32, description: 2000, usageHint: 1000 };
/** Slack's own commands: a manifest naming one is refused whole. */
export const SLACK_BUILT_INS = [
  "me",
  "status",
  "away",
  "dnd",
  "shrug",
  "remind",
  "msg",
  "feed",
  "who",
  "collapse",
  "expand",
  "leave",
  "join",
  "open",
  "search",
  "topic",
  "mute",
  "pro",
  "shortcuts",
];
/** Teams' limits (microsoft/json-schemas teams/v1.24 `commandLists`). */
export const TEAMS_LIMITS = { lists: 3, commands: 12, title: 128, description: 128 };

/** One entry of the Slack manifest's `features.slash_commands`. */
export interface SlashCommand {
  command: string;
  url: string;
  description: string;
  /** Left out for a command that takes nothing. */
  usage_hint?: string;
  should_escape: boolean;
}

/** One of the Teams manifest's `bots[0].commandLists`. */
export interface CommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}

/**
 * What each verb's slash command says about itself in Slack's command menu. A verb missing here
 * still gets a command, described by its first command's summary, so nothing needs adding; a
 * line here is only for better words.
 */
const SLACK_DESCRIPTIONS: Record<string, string> = {
  workstream: "Set up a workstream, add people, change roles and settings",
  meeting: "Book, list, cancel or end a meeting",
  papers: "Papers for a meeting; add, send now, or take one off",
  checkin: "Open the end-of-meeting check-in, see who has answered, or the summary (chairs)",
  support: "Ask privately for support; coordinators list and close requests",
  dissent: "Record a view in the dissent register, list it, or withdraw yours",
  park: "Park an issue, or a recorded dissent, to come back to later",
  parked: "The parking lot; resolve, drop or move an item",
  glossary: "Plain meanings of the words this group uses",
  onetoone: "One-to-ones with the chair; chairs log them, members ask for one",
  digest: "The coordinator digest, sent to you now",
  quiet: "Pause reminders until a date, or turn them back on",
  mine: "Everything waiting for you, across your workstreams",
};

/** `/help` and the umbrella are the bot's own, not catalog entries. */
const HELP_COMMAND = {
  description: "What you can do here, with examples",
  usage_hint: "[all | <command>]",
};
const UMBRELLA_COMMAND = {
  description: "Run any Common Purpose command",
  usage_hint: "<command> [meeting list | workstream | help]",
};
const UMBRELLA_COMMENT =
  " Slack commands are not namespaced: if another app owns a short name, the umbrella\n command still reaches every verb (/commonpurpose meeting list).";

/**
 * The Teams command menu: Teams shows at most 12 commands per scope, so these are the ones
 * people reach for first (in a 1:1 chat: a member's; in a team channel: running the
 * workstream), in menu order. Each must be in the catalog; its description is the catalog's.
 * Every other command still works when typed. `mine` took the place of `support list` in the
 * 1:1 menu: it shows a member's own support requests and their state, with everything else;
 * `outcomes` that of `parked` (it includes parked items, and what came of what members raised);
 * `decision` that of `workstream sync`, which is used once and which setup's answer explains.
 */
const TEAMS_MENU: Array<{ scope: string; commands: string[] }> = [
  {
    scope: "personal",
    commands: [
      "help",
      "mine",
      "meeting list",
      "papers",
      "workstream",
      "support",
      "dissent",
      "dissent list",
      "outcomes",
      "onetoone request",
      "glossary",
      "quiet until",
    ],
  },
  {
    scope: "team",
    commands: [
      "workstream setup",
      "workstream add",
      "workstream role",
      "meeting schedule",
      "meeting list",
      "meeting cancel",
      "meeting end",
      "decision",
      "papers add",
      "checkin status",
      "park",
      "help",
    ],
  },
];
const TEAMS_HELP_DESCRIPTION = "What you can do, and how to say it";

const keyOf = (spec: CommandSpec) => (spec.sub ? `${spec.verb} ${spec.sub}` : spec.verb);
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What may follow `/verb` for one command: its sub-command word with the first thing it needs
 * ("cancel <M-n>"), or a free-text command's arguments ("<term>").
 */
function hintFor(spec: CommandSpec): string {
  const form = (spec.usage.split(" · ")[0] ?? "").replace(`/${spec.verb}`, "").trim();
  if (spec.sub) {
    const needs = form.replace(spec.sub, "").trim().split(" ")[0] ?? "";
    return needs.startsWith("<") ? `${spec.sub} ${needs}` : spec.sub;
  }
  // "[<term>]" is optional as a whole: the brackets around the verb's hint already say so.
  return wholeOptional(form) ? form.slice(1, -1) : form;
}

/** True for "[…]" whose first bracket closes at the very end ("[<a> [on <b>]]", not "[a] [b]"). */
function wholeOptional(form: string): boolean {
  if (!form.startsWith("[")) return false;
  let depth = 0;
  for (let i = 0; i < form.length; i++) {
    if (form[i] === "[") depth++;
    if (form[i] === "]") depth--;
    if (depth === 0) return i === form.length - 1;
  }
  return false;
}

/** Slack's menu shows the hint beside the command on one line: longer hints name sub-commands only. */
const HINT_WIDTH = 80;

/** "[<term> | add <term>]": what the verb's commands take, bracketed when the verb alone works. */
function usageHint(specs: CommandSpec[]): string {
  const full = hintLine(specs, hintFor);
  return full.length <= HINT_WIDTH ? full : hintLine(specs, (s) => s.sub || hintFor(s));
}

function hintLine(specs: CommandSpec[], hint: (spec: CommandSpec) => string): string {
  const hints = specs.map(hint).filter(Boolean);
  const bareWorks = specs.some((s) => {
    const args = s.usage.replace(`/${s.verb}`, "").trim();
    return !s.sub && (args === "" || wholeOptional(args));
  });
  const joined = hints.join(" | ");
  if (!joined) return "";
  return bareWorks || hints.length > 1 ? `[${joined}]` : joined;
}

/** The slash commands, one per verb in catalog order, then `/help` and the umbrella. */
export function slashCommands(url: string, catalog: CommandSpec[] = COMMANDS): SlashCommand[] {
  const verbs = [...new Set(catalog.map((c) => c.verb))].filter((v) => (v as string) !== "help");
  const entries: SlashCommand[] = verbs.map((verb) => {
    const specs = catalog.filter((c) => c.verb === verb);
    const first = specs.find((s) => !s.sub) ?? specs[0];
    const hint = usageHint(specs);
    return {
      command: `/${verb}`,
      url,
      description: SLACK_DESCRIPTIONS[verb] ?? sentence(first?.summary ?? verb),
      ...(hint ? { usage_hint: hint } : {}),
      should_escape: true,
    };
  });
  entries.push({ command: "/help", url, ...HELP_COMMAND, should_escape: true });
  entries.push({ command: `/${UMBRELLA}`, url, ...UMBRELLA_COMMAND, should_escape: true });
  checkSlack(entries);
  return entries;
}

function checkSlack(entries: SlashCommand[]): void {
  const problems: string[] = [];
  if (entries.length > SLACK_LIMITS.commands)
    problems.push(`${entries.length} slash commands; Slack allows ${SLACK_LIMITS.commands}`);
  for (const { command, description, usage_hint } of entries) {
    if (!/^\/[a-z0-9_-]+$/.test(command) || command.length > SLACK_LIMITS.commandLength)
      problems.push(`${command}: Slack wants lowercase letters, digits, - and _, at most 32 with the /`);
    if (SLACK_BUILT_INS.includes(command.slice(1)))
      problems.push(`${command} is one of Slack's own commands`);
    if (!description || description.length > SLACK_LIMITS.description)
      problems.push(`${command}: description must be 1 to ${SLACK_LIMITS.description} characters`);
    if (usage_hint !== undefined && (!usage_hint || usage_hint.length > SLACK_LIMITS.usageHint))
      problems.push(`${command}: usage hint must be 1 to ${SLACK_LIMITS.usageHint} characters`);
  }
  if (new Set(entries.map((e) => e.command)).size !== entries.length)
    problems.push("a command is listed twice");
  if (problems.length) throw new Error(`The Slack manifest would be refused:\n- ${problems.join("\n- ")}`);
}

/** At most `limit` characters, cut at a word with "…". */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** The Teams command menu, one list per scope, described from the catalog. */
export function commandLists(catalog: CommandSpec[] = COMMANDS): CommandList[] {
  const lists = TEAMS_MENU.map(({ scope, commands }) => ({
    scopes: [scope],
    commands: commands.map((title) => {
      if (title === "help") return { title, description: TEAMS_HELP_DESCRIPTION };
      const spec = catalog.find((c) => keyOf(c) === title);
      if (!spec)
        throw new Error(
          `The Teams menu (scripts/manifests.ts) names "${title}", which is not in the catalog: rename or remove it.`,
        );
      return {
        title: clip(title, TEAMS_LIMITS.title),
        description: clip(sentence(spec.summary), TEAMS_LIMITS.description),
      };
    }),
  }));
  const problems: string[] = [];
  if (lists.length > TEAMS_LIMITS.lists) problems.push(`${lists.length} command lists; Teams allows 3`);
  for (const list of lists) {
    if (list.commands.length > TEAMS_LIMITS.commands)
      problems.push(`${list.scopes.join("/")} has ${list.commands.length} commands; Teams shows 12`);
  }
  const scopes = lists.flatMap((l) => l.scopes);
  if (new Set(scopes).size !== scopes.length) problems.push("a scope has two command lists");
  if (problems.length) throw new Error(`The Teams manifest would be refused:\n- ${problems.join("\n- ")}`);
  return lists;
}

/**
 * The Slack manifest with its slash commands regenerated; comments and everything else kept.
 * Each command's URL follows the Events API request URL, so an edited address survives.
 */
export function slackManifest(current: string): string {
  const doc = parseDocument(current);
  const url = String(doc.getIn(["settings", "event_subscriptions", "request_url"]) ?? "");
  if (!url) throw new Error("adapters/slack/manifest.yml has no settings.event_subscriptions.request_url");
  const list = doc.createNode(slashCommands(url));
  if (!isSeq(list)) throw new Error("unreachable: a list became something else");
  const umbrella = list.items.at(-1);
  if (isMap(umbrella)) (umbrella as YAMLMap).commentBefore = UMBRELLA_COMMENT;
  doc.setIn(["features", "slash_commands"], list);
  // 92 keeps the long description folded as it is written.
  return doc.toString({ lineWidth: 92 });
}

/** The Teams manifest with its command lists regenerated, laid out as Biome lays JSON out. */
export function teamsManifest(current: string): string {
  const manifest = JSON.parse(current) as { bots?: Array<Record<string, unknown>> };
  const bot = manifest.bots?.[0];
  if (!bot) throw new Error("adapters/teams/appPackage/manifest.json has no bot");
  bot.commandLists = commandLists();
  return `${formatJson(manifest, "")}\n`;
}

const LINE_WIDTH = 110;
const isScalar = (value: unknown) => value === null || typeof value !== "object";

/**
 * JSON the way Biome formats it here, so `npm run lint` accepts what this writes: objects one
 * key a line, except an array's item made only of scalars, and arrays of scalars, which stay on
 * one line when they fit in 110 columns.
 */
function formatJson(value: unknown, indent: string, inArray = false, tail = ""): string {
  if (isScalar(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (value.every(isScalar) && indent.length + flat.length + tail.length <= LINE_WIDTH) return flat;
    const items = value.map(
      (v, i) => `${inner}${formatJson(v, inner, true, i < value.length - 1 ? "," : "")}`,
    );
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  if (inArray && entries.every(([, v]) => isScalar(v))) {
    const flat = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }`;
    if (indent.length + flat.length + tail.length <= LINE_WIDTH) return flat;
  }
  const lines = entries.map(([k, v], i) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + formatJson(v, inner, false, `${key}${i < entries.length - 1 ? "," : ""}`);
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

function main(): void {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const [file, generate] of [
    [SLACK_MANIFEST, slackManifest],
    [TEAMS_MANIFEST, teamsManifest],
  ] as const) {
    const current = readFileSync(file, "utf8");
    const next = generate(current);
    const name = file.slice(ROOT.length + 1);
    if (next === current) {
      console.log(`${name} is current`);
    } else if (check) {
      console.error(`${name} is out of date: run npm run manifests`);
      stale = true;
    } else {
      writeFileSync(file, next);
      console.log(`Wrote ${name}`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
