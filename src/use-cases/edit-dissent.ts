import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { cleanText } from "../domain/text.ts";
import { type Form, message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { dissentForAction, MAX_VIEW_LENGTH, postDissentUpdate, quoted } from "./dissent-record.ts";

/** "Edit the wording": a form pre-filled with the view as it was recorded. */
export function askDissentEdit(core: Core, actor: Person, value: string): ActionResult {
  const { dissent } = dissentForAction(core, actor, value);
  const form: Form = {
    action: "dissent.edited",
    title: `Edit your view (${formatId("dissent", dissent.seq)})`,
    intro:
      "Change the words so they say what you meant. Everyone in the workstream will see the new wording, and that it was changed.",
    submitLabel: "Save",
    context: String(dissent.id),
    fields: [
      {
        kind: "text",
        id: "view",
        label: "Your view",
        multiline: true,
        initial: dissent.view,
        maxLength: MAX_VIEW_LENGTH,
      },
    ],
  };
  return { kind: "form", form };
}

/**
 * The edit form was sent: the member's own words replace the chair's, and count as confirmed.
 * The old wording stays in the history and the channel is told, so nothing is erased.
 */
export function saveDissentEdit(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { dissent, workstream } = dissentForAction(core, actor, value);
  const id = formatId("dissent", dissent.seq);
  const view = cleanText(fields.view ?? "");
  if (!view)
    refuse(
      "dissent.view",
      `Please write your view, or use "Withdraw it" if you'd rather it was not recorded.`,
    );
  if (view.length > MAX_VIEW_LENGTH)
    refuse("dissent.too-long", `Please keep your view under ${MAX_VIEW_LENGTH} characters.`);
  const now = core.clock.now();
  core.store.transaction(() => {
    if (view === dissent.view) {
      if (dissent.status === "confirmed") return;
      const eventId = core.store.dissent.change({
        dissentId: dissent.id,
        event: "confirmed",
        actorId: actor.id,
        now,
        status: "confirmed",
      });
      postDissentUpdate(
        core,
        workstream,
        eventId,
        `${actor.name} confirmed that ${id} is a fair record of their view.`,
      );
      return;
    }
    const eventId = core.store.dissent.change({
      dissentId: dissent.id,
      event: "edited",
      actorId: actor.id,
      now,
      status: "confirmed",
      newView: view,
    });
    postDissentUpdate(
      core,
      workstream,
      eventId,
      `${actor.name} changed the wording of ${id}. It now reads: ${quoted(view)} (it was: ${quoted(dissent.view)}).`,
    );
  });
  core.log.info({ dissent: dissent.id }, "dissent edited");
  return {
    kind: "update",
    message: message(
      rich`Thanks, ${actor.name} — ${id} now reads: ${quoted(view)}. Everyone in ${em(workstream.name)} can see the new wording.`,
    ),
  };
}
