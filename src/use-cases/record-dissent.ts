import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import type { Mention } from "../domain/mention.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { meetingPhrase, postDissentUpdate, quoted } from "./dissent-record.ts";
import { noMemberCalled } from "./people.ts";

const OWN_EXAMPLE = [code("/dissent I don't think the new rota is safe for night staff")];

/** What `/dissent` was asked: whose view (a chair may name a member) and the view, cleaned. */
export interface DissentInput {
  mention?: Mention;
  view: string;
}

/**
 * `/dissent <view>` records the caller's own view (confirmed at once); `/dissent <@person> <view>`
 * lets a chair record a member's view on their behalf, and asks that member privately whether
 * it is a fair record. Either way it gets a D-n and a short record in the channel.
 */
export function recordDissent(core: Core, ctx: WorkstreamContext, input: DissentInput): Message {
  const { workstream, actor } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const { mention, view } = input;
  // Looked up, not created: a refused command must not write anyone into the database.
  const known = mention ? core.store.people.byKey(mention.key) : actor;
  const onBehalf = mention !== undefined && mention.key !== actor.key;
  if (onBehalf && ctx.member?.role !== "chair") {
    refuse(
      "dissent.not-chair",
      rich`Only the chair can record someone else's view. You can record your own with ${code("/dissent your view")}, for example ${OWN_EXAMPLE}.`,
    );
  }
  if (!known || (onBehalf && !core.store.members.get(workstream.id, known.id))) {
    refuse(
      "dissent.not-member",
      rich`${noMemberCalled(workstream.name, known?.name ?? mention?.name)}, so I can't record a view for them. A chair or coordinator can add them with ${code("/workstream add @name")}.`,
    );
  }
  const subject = known;
  if (!view) {
    refuse(
      "dissent.view",
      onBehalf
        ? rich`Please add ${subject.name}'s view after their name, for example ${code(`/dissent @${subject.name.toLowerCase()} the timetable is too rushed`)}.`
        : rich`Please say what your view is, for example ${OWN_EXAMPLE}.`,
    );
  }

  const dissent = core.store.transaction(() => {
    const created = core.store.dissent.create({
      workstreamId: workstream.id,
      memberId: subject.id,
      view,
      meetingId: core.store.dissent.meetingAt(workstream.id, now) ?? null,
      recordedBy: actor.id,
      status: onBehalf ? "awaiting-confirmation" : "confirmed",
      now,
    });
    const id = formatId("dissent", created.seq);
    const where = meetingPhrase(core, created, zone);
    const eventId = core.store.dissent.history(created.id)[0]?.id ?? created.id;
    postDissentUpdate(
      core,
      workstream,
      eventId,
      onBehalf
        ? rich`${actor.name} recorded ${subject.name}'s view${where} (${id}): ${quoted(view)}. ${subject.name} has been asked to check the wording.`
        : rich`${subject.name} recorded their view${where} (${id}): ${quoted(view)}`,
    );
    if (onBehalf) {
      const text = rich`${actor.name} recorded your view${where}: ${quoted(view)}. Is this a fair record of your view?`;
      queueDirectMessage(
        core,
        workstream,
        subject,
        {
          text,
          blocks: [
            { kind: "text", text: rich`Hi ${subject.name} — ${text}` },
            {
              kind: "buttons",
              buttons: [
                {
                  action: "dissent.confirm",
                  label: "Yes, that's fair",
                  value: String(created.id),
                  style: "primary",
                },
                { action: "dissent.edit", label: "Edit the wording", value: String(created.id) },
                {
                  action: "dissent.withdraw",
                  label: "Withdraw it",
                  value: String(created.id),
                  style: "danger",
                },
              ],
            },
            {
              kind: "note",
              text: rich`Everyone in ${em(workstream.name)} can see the dissent register (${id}). If you change the wording or withdraw it, that is shown too.`,
            },
          ],
        },
        { key: `dissent-confirm:${created.id}`, subject: `dissent:${created.id}` },
      );
    }
    return created;
  });
  core.log.info({ workstream: workstream.id, dissent: dissent.id, onBehalf }, "dissent recorded");
  const id = formatId("dissent", dissent.seq);
  return onBehalf
    ? message(
        `${id} is recorded: ${subject.name}'s view, ${quoted(view)}. I've asked ${subject.name} privately whether it is a fair record, and posted it in the channel.`,
      )
    : message(
        rich`${id} is recorded: your view, ${quoted(view)}. It is in the dissent register, which everyone in ${em(workstream.name)} can see. To withdraw it: ${code(`/dissent withdraw ${id}`)}.`,
      );
}
