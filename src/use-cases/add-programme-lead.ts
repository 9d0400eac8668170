import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { findProgramme, requireLead } from "./find-programme.ts";
import { personFor } from "./people.ts";

/** `/programme lead <@person>`: a lead makes someone else a lead. */
export function addProgrammeLead(core: Core, ctx: CommandContext, mention: Mention): Message {
  const programme = findProgramme(core, ctx);
  requireLead(core, programme, ctx.actor);
  return core.store.transaction(() => {
    const person = personFor(core, mention);
    const added = core.store.programmes.addLead(programme.id, person.id, core.clock.now());
    if (!added) return message(rich`${person.name} is already a lead of ${em(programme.name)}.`);
    return message(rich`${person.name} is now a lead of ${em(programme.name)}.`, {
      kind: "text",
      text: rich`They will get the programme digest, and can type ${code("/programme")} to see the whole programme.`,
    });
  });
}
