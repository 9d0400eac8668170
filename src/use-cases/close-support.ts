import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** `/support done <S-n>` (coordinators): the request is sorted; the person is told, privately. */
export function closeSupport(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const { workstream } = ctx;
  const now = core.clock.now();
  const seq = parseId("support", idText);
  if (seq === undefined)
    refuse(
      "support.id",
      rich`"${idText}" is not a support request number. For example: ${code("/support done S-3")}.`,
    );
  const id = formatId("support", seq);
  const request = core.store.transaction(() => {
    const found = core.store.support.bySeq(workstream.id, seq);
    if (!found)
      refuse(
        "support.not-found",
        rich`There is no ${id} in ${em(workstream.name)}. ${code("/support list")} shows the open ones.`,
      );
    if (!core.store.support.markDone(found.id, ctx.actor.id, now))
      refuse("support.already-done", `${id} is already marked as done.`);
    const person = core.store.people.byId(found.personId);
    if (person && person.id !== ctx.actor.id) {
      // Not the id: the person can't use it. The day they asked says which request it was.
      const which = `your support request from ${formatDay(found.createdAt, workstream.settings.timezone)}`;
      queueDirectMessage(
        core,
        workstream,
        person,
        message(
          rich`Hi ${person.name} — ${ctx.actor.name} has marked ${which} as done. If you still need help, just ask again with ${code("/support")}.`,
        ),
        { key: `support-done:${found.id}` },
      );
    }
    core.log.info({ workstream: workstream.id, support: found.id }, "support request done");
    return found;
  });
  return message(`Thanks — ${id} (${request.name}) is marked as done. I've let them know.`);
}
