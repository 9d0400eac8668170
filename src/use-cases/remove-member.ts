import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { coordinatorsOf, personFor } from "./people.ts";

/** `/workstream remove <@person>`: they stop getting messages; their history stays. */
export function removeMember(core: Core, ctx: WorkstreamContext, mention: Mention): Message {
  const { store } = core;
  return store.transaction(() => {
    const person = personFor(core, mention);
    const member = store.members.get(ctx.workstream.id, person.id);
    if (!member) refuse("member.not-found", rich`${person.name} is not in ${em(ctx.workstream.name)}.`);
    if (member.role === "coordinator" && coordinatorsOf(store.members.list(ctx.workstream.id)).length === 1) {
      refuse(
        "member.last-coordinator",
        rich`${person.name} is the only coordinator. Make someone else coordinator first, for example ${code("/workstream role @kim coordinator")}.`,
      );
    }
    store.members.remove(ctx.workstream.id, person.id, core.clock.now());
    return message(
      rich`${person.name} has been removed from ${em(ctx.workstream.name)}. What they said before stays in the record.`,
    );
  });
}
