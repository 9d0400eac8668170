import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { isOrganiser } from "../domain/roles.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { findProgramme } from "./find-programme.ts";

/**
 * `/programme add <workstream name>` (PRODUCT.md §14): a programme lead who is a chair or
 * coordinator of that workstream, or any coordinator of it, brings it into the programme.
 */
export function addProgrammeWorkstream(core: Core, ctx: CommandContext, name: string): Message {
  const { store } = core;
  const programme = findProgramme(core, ctx, false);
  return store.transaction(() => {
    const workstream = store.workstreams.byName(name);
    const role = workstream && store.members.get(workstream.id, ctx.actor.id)?.role;
    const lead = store.programmes.isLead(programme.id, ctx.actor.id);
    if (!workstream || !(role === "coordinator" || (lead && isOrganiser(role)))) {
      // The same answer whether or not such a workstream exists: only its own people learn of it.
      refuse(
        "programme.add-not-allowed",
        rich`You can add a workstream to the programme if you are one of its coordinators, or a programme lead who chairs it. For example: ${code("/programme add Medication safety")}.`,
      );
    }
    const current = store.programmes.ofWorkstream(workstream.id);
    if (current && current.id !== programme.id) {
      refuse(
        "programme.workstream-taken",
        rich`${em(workstream.name)} is already in the ${em(current.name)} programme, and a workstream can be in only one.`,
      );
    }
    if (current) return message(rich`${em(workstream.name)} is already in ${em(programme.name)}.`);
    store.programmes.addWorkstream(programme.id, workstream.id, core.clock.now());
    core.log.info({ programme: programme.id, workstream: workstream.id }, "workstream joined a programme");
    return message(rich`${em(workstream.name)} is now part of ${em(programme.name)}.`, {
      kind: "note",
      text: "The programme's leads will see its figures only as totals: never a name, a comment or an answer.",
    });
  });
}
