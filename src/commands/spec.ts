import { refuse } from "../domain/errors.ts";
import type { Role } from "../domain/roles.ts";
import type { Message } from "../messages/message.ts";
import type { CommandContext, Core, WorkstreamContext } from "../use-cases/core.ts";

/**
 * Who may run a command: `anyone` (even outside a workstream), `members` of the workstream,
 * `organisers` (chairs and coordinators), or one role.
 */
export type Audience = "anyone" | "members" | "organisers" | "chair" | "coordinator";

/** One command of PRODUCT.md §3: how it reads, who may run it, and what it does. */
export interface CommandSpec {
  verb: string;
  /** The sub-command word (`schedule`), or "" for the verb alone / free text after it. */
  sub: string;
  usage: string;
  example: string;
  summary: string;
  who: Audience;
  /** False only for commands that work outside a workstream (setup, help, quiet). */
  needsWorkstream: boolean;
  /** What to say instead of the generic refusal to someone whose role may not run it (name what they can do). */
  refusal?: string;
  /** Only makes sense where there is no workstream yet (setup), so /help hides it inside one. */
  outsideWorkstreamOnly?: boolean;
  run(core: Core, ctx: CommandContext, args: string): Message | Promise<Message>;
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
export function usageError(spec: CommandSpec, problem: string): never {
  refuse(`${spec.verb}.${spec.sub || "usage"}`, `${problem} For example: \`${spec.example}\`.`);
}
