import type { Dissent, DissentEvent } from "../domain/dissent.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { meetingPhrase, nameOf, quoted } from "./dissent-record.ts";

/** `/dissent list`: the workstream's register, every entry with its state and history. */
export function listDissent(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const register = core.store.dissent.list(workstream.id);
  if (register.length === 0) {
    const text = rich`The dissent register for ${em(workstream.name)} is empty.`;
    return {
      text,
      blocks: [
        { kind: "text", text },
        {
          kind: "note",
          text: rich`Anyone in the workstream can record their view with ${code("/dissent your view")}.`,
        },
      ],
    };
  }
  const text = rich`The dissent register for ${em(workstream.name)} (${register.length}):`;
  const blocks: Block[] = [{ kind: "text", text }];
  for (const dissent of register) {
    const name = nameOf(core, dissent.memberId);
    blocks.push({
      kind: "text",
      text: rich`${em(formatId("dissent", dissent.seq))} — ${name}'s view${meetingPhrase(core, dissent, zone)}, ${state(dissent, name)}: ${quoted(dissent.view)}`,
    });
    blocks.push({
      kind: "list",
      items: [
        ...core.store.dissent
          .history(dissent.id)
          .map((e) => `${describe(core, e)} on ${formatWhen(e.at, zone, now)}`),
        ...core.store.decisions
          .forDissent(dissent.id)
          .map(
            (d) =>
              `Recorded alongside decision ${formatId("decision", d.seq)} on ${formatWhen(d.decidedAt, zone, now)}`,
          ),
      ],
    });
  }
  blocks.push({ kind: "note", text: "Everyone in the workstream can see this register." });
  return { text, blocks };
}

function state(dissent: Dissent, name: string): string {
  switch (dissent.status) {
    case "awaiting-confirmation":
      return `waiting for ${name} to check the wording`;
    case "confirmed":
      return "confirmed";
    case "withdrawn":
      return "withdrawn";
  }
}

function describe(core: Core, event: DissentEvent): string {
  const who = nameOf(core, event.actorId);
  switch (event.event) {
    case "recorded":
      return `Recorded by ${who}`;
    case "confirmed":
      return `Confirmed by ${who}`;
    case "edited":
      return `Wording changed by ${who} (it was: ${quoted(event.oldView ?? "")})`;
    case "withdrawn":
      return `Withdrawn by ${who}`;
  }
}
