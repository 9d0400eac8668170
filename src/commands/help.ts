import type { Role } from "../domain/roles.ts";
import type { Message } from "../messages/message.ts";
import { COMMANDS } from "./catalog.ts";
import { allowed, type CommandSpec } from "./spec.ts";

/**
 * The commands this person may use here, with examples. Outside a workstream that is the
 * commands that need none; in one, those their role allows.
 */
export function helpFor(role: Role | undefined, inWorkstream: boolean, verb?: string): Message {
  const usable = COMMANDS.filter(
    (c) =>
      (verb === undefined || c.verb === verb) &&
      (inWorkstream ? allowed(c.who, role) && !c.outsideWorkstreamOnly : !c.needsWorkstream),
  );
  const intro = verb
    ? `Here is what you can do with \`/${verb}\`:`
    : inWorkstream
      ? "Here is what you can do here. Type a command as shown; words in <angle brackets> are yours to fill in."
      : "This isn't a workstream channel yet. Here is what you can do:";
  return {
    text: intro,
    blocks: [
      { kind: "text", text: intro },
      { kind: "list", items: usable.map(line) },
      {
        kind: "note",
        text: "Every command also works as `/commonpurpose <command>`, for example `/commonpurpose meeting list`.",
      },
    ],
  };
}

function line(spec: CommandSpec): string {
  return `\`${spec.usage}\` — ${spec.summary}. For example: \`${spec.example}\``;
}
