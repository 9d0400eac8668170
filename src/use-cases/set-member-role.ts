import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { Role } from "../domain/roles.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { coordinatorsOf, personFor } from "./people.ts";

/** `/workstream role <@person> chair|coordinator|member`. */
export function setMemberRole(core: Core, ctx: WorkstreamContext, mention: Mention, role: Role): Message {
  const { store } = core;
  return store.transaction(() => {
    const person = personFor(core, mention);
    const member = store.members.get(ctx.workstream.id, person.id);
    if (!member) {
      refuse(
        "member.not-found",
        rich`${person.name} is not in ${em(ctx.workstream.name)} yet. Add them first with ${code(`/workstream add @${person.name}`)}.`,
      );
    }
    if (
      member.role === "coordinator" &&
      role !== "coordinator" &&
      coordinatorsOf(store.members.list(ctx.workstream.id)).length === 1
    ) {
      refuse(
        "member.last-coordinator",
        `${person.name} is the only coordinator. Make someone else coordinator first.`,
      );
    }
    store.members.setRole(ctx.workstream.id, person.id, role);
    return message(
      rich`${person.name} is now ${role === "member" ? "a member" : `a ${role}`} of ${em(ctx.workstream.name)}.`,
    );
  });
}
