import type { Dissent } from "../domain/dissent.ts";
import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { dissentForAction, findDissent, postDissentUpdate } from "./dissent-record.ts";

/** `/dissent withdraw <D-n>`: only the person whose view it is. */
export function withdrawDissentCommand(
  core: Core,
  ctx: WorkstreamContext,
  idText: string | undefined,
): Message {
  const dissent = findDissent(core, ctx, idText, "/dissent withdraw D-3");
  const id = formatId("dissent", dissent.seq);
  if (dissent.memberId !== ctx.actor.id) {
    const owner = core.store.people.byId(dissent.memberId)?.name ?? "the person it belongs to";
    refuse(
      "dissent.not-yours",
      rich`Only ${owner} can withdraw ${id}, because it is their view. You can record your own with ${code("/dissent your view")}.`,
    );
  }
  if (dissent.status === "withdrawn") refuse("dissent.withdrawn", `${id} is already withdrawn.`);
  withdraw(core, ctx.workstream, ctx.actor, dissent);
  return message(withdrawnText(ctx.actor, dissent, ctx.workstream));
}

/** "Withdraw it" on the confirmation message. */
export function withdrawDissentButton(core: Core, actor: Person, value: string): ActionResult {
  const { dissent, workstream } = dissentForAction(core, actor, value);
  withdraw(core, workstream, actor, dissent);
  return { kind: "update", message: message(withdrawnText(actor, dissent, workstream)) };
}

/** Marks it withdrawn (kept and shown, never deleted) and takes back a confirmation not yet sent. */
function withdraw(core: Core, workstream: Workstream, actor: Person, dissent: Dissent): void {
  const now = core.clock.now();
  core.store.transaction(() => {
    const eventId = core.store.dissent.change({
      dissentId: dissent.id,
      event: "withdrawn",
      actorId: actor.id,
      now,
      status: "withdrawn",
    });
    core.store.outbox.dropSubject(`dissent:${dissent.id}`, "dissent withdrawn", now);
    postDissentUpdate(
      core,
      workstream,
      eventId,
      `${actor.name} withdrew ${formatId("dissent", dissent.seq)}. It stays in the register, marked as withdrawn.`,
    );
  });
  core.log.info({ dissent: dissent.id }, "dissent withdrawn");
}

function withdrawnText(actor: Person, dissent: Dissent, workstream: Workstream): Text {
  return rich`Done, ${actor.name} — ${formatId("dissent", dissent.seq)} is withdrawn. The register in ${em(workstream.name)} still shows it, marked as withdrawn, so nobody wonders where it went.`;
}
