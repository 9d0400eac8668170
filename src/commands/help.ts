import { code, em, rich, type Text } from "../domain/rich-text.ts";
import type { Role } from "../domain/roles.ts";
import type { Block, Message } from "../messages/message.ts";
import { nameList } from "../use-cases/people.ts";
import { COMMANDS } from "./catalog.ts";
import { allowed, type CommandSpec, type HelpTopic, HELP_TOPICS as TOPICS } from "./spec.ts";

type Topic = HelpTopic;

/**
 * Each command's topic, by `<verb> <sub>` (`papers` for the verb alone), and for the commands
 * plain `/help` shows, what it does in a few everyday words. A new command can instead say its
 * topic in its own spec; one that says neither is still shown, under "Run the workstream", so it
 * is never hidden from `/help all`.
 */
const HELP: Record<string, { topic: Topic; says?: string }> = {
  "meeting list": { topic: "Before a meeting", says: "see the meetings coming up" },
  papers: { topic: "Before a meeting", says: "see the papers for the next meeting" },
  glossary: { topic: "Before a meeting", says: "find out what a word means" },
  "meeting schedule": { topic: "Before a meeting", says: "book a meeting" },
  "meeting cancel": { topic: "Before a meeting" },
  "papers add": { topic: "Before a meeting", says: "add a paper for the next meeting" },
  "papers send": { topic: "Before a meeting" },
  "glossary add": { topic: "Before a meeting" },
  "meeting end": { topic: "After a meeting", says: "end the meeting now, so the check-in goes out" },
  "checkin start": { topic: "After a meeting" },
  "checkin status": { topic: "After a meeting" },
  "checkin summary": { topic: "After a meeting", says: "see how the check-in went" },
  dissent: { topic: "Say what you think", says: "say you disagree, so it goes on the record" },
  "dissent list": { topic: "Say what you think" },
  "dissent withdraw": { topic: "Say what you think" },
  parked: { topic: "Say what you think", says: "see issues put aside to come back to" },
  park: { topic: "Say what you think", says: "put an issue aside to come back to" },
  "parked resolve": { topic: "Say what you think" },
  "parked drop": { topic: "Say what you think" },
  "parked revisit": { topic: "Say what you think" },
  support: { topic: "Get help", says: "ask for help privately (only the coordinator sees it)" },
  "support list": { topic: "Get help", says: "see the support requests still open" },
  "support done": { topic: "Get help", says: "mark a support request as sorted" },
  "onetoone request": { topic: "Get help", says: "ask the chair for a one-to-one chat" },
  onetoone: { topic: "Get help", says: "see one-to-ones, or note one you've had" },
  "quiet until": { topic: "Get help", says: "pause reminders for a while" },
  "quiet off": { topic: "Get help" },
  "workstream setup": { topic: "Run the workstream" },
  workstream: { topic: "Run the workstream" },
  "workstream add": { topic: "Run the workstream", says: "add people to the workstream" },
  "workstream sync": { topic: "Run the workstream" },
  "workstream remove": { topic: "Run the workstream" },
  "workstream role": { topic: "Run the workstream" },
  "workstream group": { topic: "Run the workstream" },
  "workstream set": { topic: "Run the workstream" },
  "digest now": { topic: "Run the workstream", says: "get the coordinator digest now" },
  groundrules: { topic: "Say what you think", says: "see how the group has agreed to work together" },
  "groundrules ask": { topic: "Run the workstream" },
  "groundrules summary": { topic: "Run the workstream" },
  "groundrules set": { topic: "Run the workstream" },
  "workstream close": { topic: "Run the workstream" },
  outcomes: { topic: "Say what you think", says: "see what became of what members raised" },
  decision: { topic: "After a meeting", says: "record what the group decided" },
};

/**
 * The few commands plain `/help` shows each role: what that person most often wants. At most
 * eight, so a tired person on a phone can take it in; `/help all` shows the rest.
 */
const SHORT: Record<Role, string[]> = {
  member: [
    "meeting list",
    "papers",
    "glossary",
    "dissent",
    // "You said, we did" holds the parked items too, with what became of each.
    "outcomes",
    "support",
    "onetoone request",
    "quiet until",
  ],
  chair: [
    "meeting schedule",
    "papers add",
    "meeting end",
    "checkin summary",
    "decision",
    "dissent",
    "park",
    "onetoone",
  ],
  coordinator: [
    "meeting schedule",
    "meeting list",
    "papers add",
    "workstream add",
    "park",
    "support list",
    "support done",
    "digest now",
  ],
};

function keyOf(spec: CommandSpec): string {
  return spec.sub ? `${spec.verb} ${spec.sub}` : spec.verb;
}

/**
 * The commands this person may use here, with examples. Plain `/help` in a workstream shows the
 * handful their role uses most, grouped by what people want to do; `/help all` shows every
 * command they may use; `/<verb> help` (or `/help <verb>`) that verb's commands. Outside a
 * workstream it is the few commands that need none.
 */
export function helpFor(
  role: Role | undefined,
  inWorkstream: boolean,
  verb?: string,
  words = "",
  /**
   * The closed workstream's name (it is read-only), the programme board this channel is, or, in
   * a private chat, the workstreams the person is in (none, or more than one to choose from).
   */
  place: { closed?: string; board?: string; mine?: Array<{ name: string; closed: boolean }> } = {},
): Message {
  const { closed, board, mine } = place;
  const asked = words.trim().toLowerCase().split(/\s+/)[0] ?? "";
  const named = verb ?? (COMMANDS.some((c) => c.verb === asked) ? asked : undefined);
  const usable = COMMANDS.filter(
    (c) =>
      (named === undefined || c.verb === named) &&
      (inWorkstream ? allowed(c.who, role) && !c.outsideWorkstreamOnly : !c.needsWorkstream) &&
      // A closed workstream is read-only: only what still works there (PRODUCT.md §13).
      (closed === undefined || !c.needsWorkstream || c.readOnly !== undefined),
  );
  if (closed !== undefined) return closedHelp(closed, named, usable);
  if (named) return verbHelp(named, usable);
  if (!inWorkstream) return board === undefined ? outsideHelp(usable, mine) : boardHelp(board, usable);
  if (asked === "all" || role === undefined) return allHelp(usable);
  const short = SHORT[role];
  const chosen = usable
    .filter((c) => short.includes(keyOf(c)))
    .sort((a, b) => short.indexOf(keyOf(a)) - short.indexOf(keyOf(b)));
  return shortHelp(chosen, usable.length - chosen.length);
}

/** In a closed workstream: what can still be looked at, and nothing that would be refused. */
function closedHelp(name: string, verb: string | undefined, usable: CommandSpec[]): Message {
  const intro = rich`${em(name)} has closed, so nothing in it can be changed. Everything in it is kept, and you can still look at it:`;
  const blocks: Block[] = [{ kind: "text", text: intro }];
  if (usable.length > 0) blocks.push(...byTopic(usable, fullLine));
  else if (verb) blocks.push({ kind: "text", text: rich`${code(`/${verb}`)} can't be used here any more.` });
  blocks.push(UMBRELLA_NOTE);
  return { text: intro, blocks };
}

function verbHelp(verb: string, usable: CommandSpec[]): Message {
  const intro = rich`Here is what you can do with ${code(`/${verb}`)}:`;
  return {
    text: intro,
    blocks: [{ kind: "text", text: intro }, { kind: "list", items: usable.map(fullLine) }, UMBRELLA_NOTE],
  };
}

/** In a channel that is no workstream's, or in a private chat with no one workstream to use. */
function outsideHelp(
  usable: CommandSpec[],
  mine: Array<{ name: string; closed: boolean }> | undefined,
): Message {
  // An open one is the example: a closed one's help would only say what can still be read.
  const example = (mine?.find((w) => !w.closed) ?? mine?.[0])?.name;
  const intro: Text =
    mine === undefined
      ? "This isn't a workstream channel yet. Here is what you can do:"
      : mine.length === 0
        ? "You're not in a workstream yet. When a chair or coordinator adds you, your workstream's commands work here too. Here is what you can do now:"
        : rich`You're in ${String(mine.length)} workstreams: ${nameList(mine.map((w) => (w.closed ? [em(w.name), " (closed)"] : [em(w.name)])))}. To see what you can do in one, type ${code(`/help in ${example}`)}. Here is what works anywhere:`;
  return {
    text: intro,
    blocks: [{ kind: "text", text: intro }, { kind: "list", items: usable.map(fullLine) }, UMBRELLA_NOTE],
  };
}

/** In a programme board's channel: what it is, and its commands first (it is set up already). */
function boardHelp(board: string, usable: CommandSpec[]): Message {
  const intro = rich`This is the board's channel for ${em(board)}. Programme leads type ${code("/programme")} here to see the whole programme. Here is what you can do:`;
  const shown = usable.filter(
    (c) => c.verb !== "workstream" && !(c.verb === "programme" && c.sub === "setup"),
  );
  const ordered = [
    ...shown.filter((c) => c.verb === "programme"),
    ...shown.filter((c) => c.verb !== "programme"),
  ];
  return {
    text: intro,
    blocks: [{ kind: "text", text: intro }, { kind: "list", items: ordered.map(fullLine) }, UMBRELLA_NOTE],
  };
}

function shortHelp(chosen: CommandSpec[], more: number): Message {
  const intro = "Here are the commands you'll use most. Put your own words in place of the <angle brackets>.";
  const blocks: Block[] = [{ kind: "text", text: intro }, ...byTopic(chosen, shortLine)];
  blocks.push({
    kind: "note",
    text:
      more > 0
        ? rich`There ${more === 1 ? "is 1 more" : `are ${more} more`}: type ${code("/help all")} to see everything you can do. Every command also works as ${code("/commonpurpose <command>")}.`
        : rich`Every command also works as ${code("/commonpurpose <command>")}, for example ${code("/commonpurpose meeting list")}.`,
  });
  return { text: intro, blocks };
}

function allHelp(usable: CommandSpec[]): Message {
  const intro =
    "Here is everything you can do here. Type a command as shown; words in <angle brackets> are yours to fill in.";
  return {
    text: intro,
    blocks: [{ kind: "text", text: intro }, ...byTopic(usable, fullLine), UMBRELLA_NOTE],
  };
}

/** A heading for each topic that has commands, then its commands. */
function byTopic(specs: CommandSpec[], show: (spec: CommandSpec) => Text): Block[] {
  const blocks: Block[] = [];
  for (const topic of TOPICS) {
    const here = specs.filter((c) => (c.topic ?? HELP[keyOf(c)]?.topic ?? "Run the workstream") === topic);
    if (here.length === 0) continue;
    blocks.push({ kind: "text", text: [em(topic)] }, { kind: "list", items: here.map(show) });
  }
  return blocks;
}

const UMBRELLA_NOTE: Block = {
  kind: "note",
  text: rich`Every command also works as ${code("/commonpurpose <command>")}, for example ${code("/commonpurpose meeting list")}.`,
};

/** The simplest way to type it (no optional parts), and what it does in everyday words. */
function shortLine(spec: CommandSpec): Text {
  return rich`${code(simplest(spec.usage))} — ${HELP[keyOf(spec)]?.says ?? spec.summary}`;
}

/** "/papers add [<M-n>] <link> [<title>]" → "/papers add <link>"; the first form of "a · b". */
function simplest(usage: string): string {
  let form = usage.split(" · ")[0] ?? usage;
  // Innermost brackets first, so "[<@person> [on <date>]]" goes in two passes.
  while (/\[[^[\]]*\]/.test(form)) form = form.replace(/\s*\[[^[\]]*\]/g, "");
  return form.trim();
}

function fullLine(spec: CommandSpec): Text {
  return rich`${code(spec.usage)} — ${spec.summary}. For example: ${code(spec.example)}`;
}
