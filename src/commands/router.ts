import type { Workstream } from "../domain/entities.ts";
import { refuse, UserFacingError } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { cleanText, quoteBack } from "../domain/text.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { closedSentence } from "../use-cases/close-workstream.ts";
import { nameList } from "../use-cases/people.ts";
import { COMMANDS, UMBRELLA } from "./catalog.ts";
import { helpFor } from "./help.ts";
import { allowed, type CommandSpec, describeAudience } from "./spec.ts";

/** A command as it arrived from a platform, already stripped of any bot mention. */
export interface InboundCommand {
  platform: string;
  actor: { key: string; name: string; dm: string };
  /** The channel it was typed in; undefined in a direct message. */
  channel?: string;
  /** `/meeting list`, `meeting list` or `/commonpurpose meeting list`. */
  text: string;
}

/** The private answer to the person who typed; `error` is the refusal code when refused. */
export interface CommandReply {
  message: Message;
  error?: string;
}

/**
 * The one entry point for typed commands on every platform: finds the command, the workstream
 * and the caller's role, checks permission, runs it, and turns refusals into a private answer.
 * A refused command changes nothing: use cases check before they write, inside a transaction.
 */
export async function handleCommand(core: Core, inbound: InboundCommand): Promise<CommandReply> {
  try {
    return { message: await route(core, inbound) };
  } catch (error) {
    if (error instanceof UserFacingError) return { message: message(error.sentence), error: error.code };
    core.log.error({ err: errorSummary(error), platform: inbound.platform }, "command failed");
    return {
      message: message(
        "Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.",
      ),
      error: "internal",
    };
  }
}

async function route(core: Core, inbound: InboundCommand): Promise<Message> {
  // A display name is shown to others, so it is cleaned like any text they will see.
  const actor = core.store.people.upsert({
    ...inbound.actor,
    name: cleanText(inbound.actor.name) || "Someone",
  });
  let text = inbound.text.trim().replace(/^\//, "");
  let verb = firstWord(text).toLowerCase();
  if (verb === UMBRELLA) {
    text = text.slice(verb.length).trim().replace(/^\//, "");
    verb = firstWord(text).toLowerCase();
  }
  let rest = text.slice(verb.length).trim();
  const ctx: CommandContext = {
    platform: inbound.platform,
    actor,
    ...(inbound.channel ? { channel: inbound.channel } : {}),
  };

  const specs = COMMANDS.filter((c) => c.verb === verb);
  if (verb === "" || verb === "help" || (specs.length > 0 && /^help$/i.test(rest))) {
    const workstream = findWorkstream(core, ctx, rest, false);
    const role = workstream && core.store.members.get(workstream.id, actor.id)?.role;
    const board = !workstream && ctx.channel ? core.store.programmes.byChannel(ctx.channel)?.name : undefined;
    // In a private chat with none or several workstreams, help says which, not "this channel".
    const mine =
      !workstream && !ctx.channel
        ? core.store.members
            .workstreamsOf(actor.id)
            .map((w) => ({ name: w.name, closed: Boolean(w.closedAt) }))
        : undefined;
    return helpFor(role, workstream !== undefined, specs.length > 0 ? verb : undefined, rest, {
      ...(workstream?.closedAt ? { closed: workstream.name } : {}),
      ...(board !== undefined ? { board } : {}),
      ...(mine !== undefined ? { mine } : {}),
    });
  }
  if (specs.length === 0) {
    refuse(
      "command.unknown",
      rich`I don't know the command ${code(`/${verb}`)}. To see the commands you can use, type ${code("/help")}.`,
    );
  }
  const sub = firstWord(rest).toLowerCase();
  let spec = specs.find((c) => c.sub !== "" && c.sub === sub);
  if (spec) rest = rest.slice(sub.length).trim();
  else spec = specs.find((c) => c.sub === "");
  if (!spec) {
    const first = specs[0] as CommandSpec;
    refuse(
      `${first.verb}.usage`,
      rich`${code(`/${verb}`)} needs one of: ${specs.map((c) => c.sub).join(", ")}. For example: ${code(first.example)}.`,
    );
  }

  const workstream = findWorkstream(core, ctx, rest, spec.needsWorkstream, spec.example);
  if (workstream) {
    rest = stripIn(rest, workstream);
    ctx.workstream = workstream;
    const member = core.store.members.get(workstream.id, actor.id);
    if (member) ctx.member = member;
    if (spec.who !== "anyone" && !member) {
      refuse(
        "member.not-member",
        rich`You're not a member of ${em(workstream.name)} yet. A chair or coordinator can add you with ${code("/workstream add @you")}.`,
      );
    }
  }
  // A closed workstream is read-only (PRODUCT.md §13). A command that only ever changes things
  // says so before who may run it; one that may only look (readOnly) is judged once it is read.
  if (spec.needsWorkstream && ctx.workstream?.closedAt && !spec.readOnly) {
    refuse("workstream.closed", closedSentence(ctx.workstream));
  }
  if (!allowed(spec.who, ctx.member?.role)) {
    refuse(
      "permission.denied",
      spec.refusal ??
        rich`Only ${describeAudience(spec.who)} can ${spec.summary.split(" (")[0] ?? spec.summary}. Type ${code("/help")} to see what you can do.`,
    );
  }
  const zone =
    ctx.workstream?.settings.timezone ??
    core.store.members.workstreamsOf(actor.id)[0]?.settings.timezone ??
    core.defaultTimezone;
  const input = spec.parse(rest, { platform: ctx.platform, zone, now: core.clock.now() });
  if (spec.needsWorkstream && ctx.workstream?.closedAt && !spec.readOnly?.(input)) {
    refuse("workstream.closed", closedSentence(ctx.workstream));
  }
  return spec.run(core, ctx, input);
}

/**
 * In a workstream's channel, that workstream. In a direct message, the caller's only
 * workstream, or the one named with `in <name>`; a member of several gets a question back.
 */
function findWorkstream(
  core: Core,
  ctx: CommandContext,
  rest: string,
  required: boolean,
  example = "/meeting list",
): Workstream | undefined {
  if (ctx.channel) {
    const here = core.store.workstreams.byChannel(ctx.channel);
    if (!here && required) {
      refuse(
        "workstream.not-here",
        rich`This channel isn't a workstream yet. A coordinator can start one here with ${code("/workstream setup Medication safety")}.`,
      );
    }
    return here;
  }
  const mine = core.store.members.workstreamsOf(ctx.actor.id);
  const named = mine.find((w) => stripIn(rest, w) !== rest);
  if (named) return named;
  if (mine.length === 1) return mine[0];
  if (!required) return undefined;
  if (mine.length === 0) {
    refuse(
      "workstream.none",
      "You're not in a workstream yet. When a chair or coordinator adds you, you can use this here.",
    );
  }
  const names = nameList(mine.map((w) => [em(w.name)]));
  // The last "in <words>", if short enough to be a name: echoed back so they see what didn't match.
  const asked = /^.* in (\S.{0,79})$/is.exec(` ${rest}`)?.[1];
  refuse(
    "workstream.which",
    asked
      ? rich`There's no workstream called "${quoteBack(asked)}" that you're in. Yours are ${names}; for example ${code(`${example} in ${mine[0]?.name}`)}.`
      : rich`You're in ${mine.length} workstreams: ${names}. Which one? Add ${code("in <name>")} to the end, for example ${code(`${example} in ${mine[0]?.name}`)}.`,
  );
}

/** Removes a trailing `in <workstream name>` from the arguments, if present. */
function stripIn(rest: string, workstream: Workstream): string {
  const suffix = ` in ${workstream.name}`.toLowerCase();
  const padded = ` ${rest}`;
  return padded.toLowerCase().endsWith(suffix) ? padded.slice(0, -suffix.length).trim() : rest;
}

function firstWord(text: string): string {
  return /^\S*/.exec(text)?.[0] ?? "";
}

/** The error's name only: its message may quote what someone wrote (logs carry ids, never text). */
function errorSummary(error: unknown): string {
  return error instanceof Error ? error.name : "unknown";
}
