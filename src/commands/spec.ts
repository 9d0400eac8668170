import { refuse } from "../domain/errors.ts";
import type { CommandSub, CommandVerb } from "../domain/refusals.ts";
import { code, rich, type Text } from "../domain/rich-text.ts";
import type { Role } from "../domain/roles.ts";
import { quoteBack } from "../domain/text.ts";
import type { Message } from "../messages/message.ts";
import type { CommandContext, Core, WorkstreamContext } from "../ports/core.ts";
import { words } from "./mentions.ts";

/**
 * Who may run a command: `anyone` (even outside a workstream), `members` of the workstream,
 * `organisers` (chairs and coordinators), or one role.
 */
export type Audience = "anyone" | "members" | "organisers" | "chair" | "coordinator";

/** What a command's parser may know while it reads the text: dates are read in the zone, now. */
export interface ParseContext {
  platform: string;
  /** The workstream's time zone (or the default outside one). */
  zone: string;
  now: Date;
}

/**
 * One command of PRODUCT.md §3: how it reads, who may run it, and what it does. `parse` turns
 * the argument text into the typed input `run` takes, reading every clause completely or
 * refusing with what it could not read and an example; `run` never looks at the text.
 */
/** What people want to do, in the order `/help` shows it. */
export const HELP_TOPICS = [
  "Before a meeting",
  "After a meeting",
  "Say what you think",
  "Get help",
  "Run the workstream",
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface CommandSpec<I = unknown> {
  /** The command word; with `sub` it also names the refusal when the rest can't be read. */
  verb: CommandVerb;
  /** The sub-command word (`schedule`), or "" for the verb alone / free text after it. */
  sub: CommandSub | "";
  usage: string;
  example: string;
  summary: string;
  who: Audience;
  /** False only for commands that work outside a workstream (setup, help, quiet). */
  needsWorkstream: boolean;
  /** What to say instead of the generic refusal to someone whose role may not run it (name what they can do). */
  refusal?: Text;
  /** Where `/help all` lists it (a command help.ts doesn't name goes under "Run the workstream"). */
  topic?: HelpTopic;
  /** Only makes sense where there is no workstream yet (setup), so /help hides it inside one. */
  outsideWorkstreamOnly?: boolean;
  /**
   * True when, with this input, it only looks: it still works once the workstream is closed.
   * Every other command that needs a workstream is refused there, so a new command is safe
   * by default. (A method, so each spec's own input type fits.)
   */
  readOnly?(input: I): boolean;
  parse(args: string, at: ParseContext): I;
  run(core: Core, ctx: CommandContext, input: I): Message | Promise<Message>;
}

/** A command that takes nothing after its words: anything more is refused. */
export function nothingMore(spec: SpecName, args: string): void {
  if (args.trim()) {
    refuse(
      `${spec.verb}.${spec.sub || "usage"}`,
      rich`${code(spec.example)} needs nothing after it, so I couldn't read "${quoteBack(args)}". For example: ${code(spec.example)}.`,
    );
  }
}

/** Narrows a context to one with a workstream (the router guarantees it when needsWorkstream). */
export function inWorkstream(ctx: CommandContext): WorkstreamContext {
  if (!ctx.workstream) refuse("workstream.none", "This needs a workstream.");
  return ctx as WorkstreamContext;
}

export function allowed(who: Audience, role: Role | undefined): boolean {
  switch (who) {
    case "anyone":
      return true;
    case "members":
      return role !== undefined;
    case "organisers":
      return role === "chair" || role === "coordinator";
    default:
      return role === who;
  }
}

/** "the chair or coordinator", for refusals. */
export function describeAudience(who: Audience): string {
  switch (who) {
    case "organisers":
      return "the chair or coordinator";
    case "chair":
      return "the chair";
    case "coordinator":
      return "a coordinator";
    default:
      return "members of this workstream";
  }
}

/** Refuses with the command's usage: one line and an example. */
export function usageError(spec: SpecName, problem: Text): never {
  refuse(`${spec.verb}.${spec.sub || "usage"}`, rich`${problem} For example: ${code(spec.example)}.`);
}

type SpecName = Pick<CommandSpec, "verb" | "sub" | "example">;

/** At most one item id (`M-3`) as one word, or "" for none. */
export function optionalId(spec: SpecName, args: string, what = "meeting"): string {
  const list = words(args);
  if (list.length > 1) usageError(spec, `Name at most one ${what}.`);
  return list[0] ?? "";
}

/** Exactly one item id (`S-3`) as one word. */
export function oneId(spec: SpecName, args: string, problem: string): string {
  const list = words(args);
  if (list.length !== 1) usageError(spec, problem);
  return list[0] as string;
}
