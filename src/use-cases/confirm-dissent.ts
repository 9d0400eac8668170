import type { Person } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { dissentForAction, postDissentUpdate } from "./dissent-record.ts";

/** "Yes, that's fair" on a view a chair recorded: the member confirms the wording. */
export function confirmDissent(core: Core, actor: Person, value: string): ActionResult {
  const { dissent, workstream } = dissentForAction(core, actor, value);
  const id = formatId("dissent", dissent.seq);
  const done = message(
    rich`Thank you, ${actor.name}. ${id} is confirmed as a fair record of your view. If you change your mind, type ${code(`/dissent withdraw ${id}`)}.`,
  );
  // A second click (or a retried one) changes nothing.
  if (dissent.status === "confirmed") return { kind: "update", message: done };
  core.store.transaction(() => {
    const eventId = core.store.dissent.change({
      dissentId: dissent.id,
      event: "confirmed",
      actorId: actor.id,
      now: core.clock.now(),
      status: "confirmed",
    });
    postDissentUpdate(
      core,
      workstream,
      eventId,
      `${actor.name} confirmed that ${id} is a fair record of their view.`,
    );
  });
  core.log.info({ dissent: dissent.id }, "dissent confirmed");
  return { kind: "update", message: done };
}
