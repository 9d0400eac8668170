import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Group, groupLabel, isOrganiser } from "../domain/roles.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { personFor } from "./people.ts";

/** `/workstream group <@person> <group>`: chairs and coordinators, or the person themselves. */
export function setMemberGroup(core: Core, ctx: WorkstreamContext, mention: Mention, group: Group): Message {
  const { store } = core;
  return store.transaction(() => {
    const person = personFor(core, mention);
    const self = person.id === ctx.actor.id;
    if (!self && !isOrganiser(ctx.member?.role)) {
      refuse(
        "member.group-not-allowed",
        rich`Only the chair or coordinator can change someone else's group. You can set your own, for example ${code("/workstream group @you carer")}.`,
      );
    }
    if (!store.members.get(ctx.workstream.id, person.id)) {
      refuse("member.not-found", rich`${person.name} is not in ${em(ctx.workstream.name)}.`);
    }
    store.members.setGroup(ctx.workstream.id, person.id, group);
    const label = groupLabel(group);
    return message(
      self ? `Thanks — you're now in the ${label} group.` : `${person.name} is now in the ${label} group.`,
    );
  });
}
