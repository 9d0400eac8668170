import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { OneToOneSource } from "../domain/one-to-one.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { chairsOf } from "./people.ts";

/**
 * A member asks the chairs for a one-to-one (`/onetoone request`, or "yes" in a check-in).
 * Each chair gets a private message at once — held by quiet hours, so within a day. Asking
 * again while a request is open changes nothing and sends nothing. Call it inside or outside
 * a transaction; returns true when this was a new request.
 */
export function requestOneToOne(
  core: Core,
  workstream: Workstream,
  person: Person,
  source: OneToOneSource,
): boolean {
  const now = core.clock.now();
  const created = core.store.transaction(() => {
    const { request, created } = core.store.oneToOnes.request({
      workstreamId: workstream.id,
      personId: person.id,
      source,
      now,
    });
    if (!created) return false;
    const how = source === "checkin" ? " in their check-in" : "";
    for (const chair of chairsOf(core.store.members.list(workstream.id))) {
      queueDirectMessage(
        core,
        workstream,
        chair,
        message(
          rich`Hi ${chair.name} — ${person.name} asked${how} for a one-to-one with a chair in ${em(workstream.name)}.`,
          {
            kind: "text",
            text: rich`When you have met, log it with ${code(`/onetoone @${person.name} on <date>`)}. To see everyone, type ${code("/onetoone")}.`,
          },
          { kind: "note", text: "Only the chairs see this." },
        ),
        {
          key: `onetoone-request:${request.id}:${chair.id}`,
          subject: `onetoone-request:${request.id}`,
          audience: "chair",
        },
      );
    }
    core.log.info({ workstream: workstream.id, request: request.id, source }, "one-to-one requested");
    return true;
  });
  return created;
}

/** `/onetoone request`: the member's own request, answered with who will see it. */
export function askForOneToOne(core: Core, ctx: WorkstreamContext): Message {
  const { workstream, actor } = ctx;
  if (ctx.member?.role === "chair") {
    refuse(
      "onetoone.chair",
      rich`You're a chair here, so members ask you. To see who has asked, type ${code("/onetoone")}.`,
    );
  }
  if (chairsOf(core.store.members.list(workstream.id)).length === 0) {
    refuse(
      "onetoone.no-chair",
      rich`${em(workstream.name)} has no chair yet, so there is nobody to ask. A coordinator can name one with ${code("/workstream role @name chair")}.`,
    );
  }
  const created = requestOneToOne(core, workstream, actor, "command");
  if (!created) {
    return message(
      rich`You've already asked for a one-to-one in ${em(workstream.name)}, ${actor.name}. The chair knows and will be in touch.`,
    );
  }
  return message(
    rich`Thanks, ${actor.name}. I've let the chair of ${em(workstream.name)} know you'd like a one-to-one. They will be in touch.`,
    { kind: "note", text: "Only the chairs see your request." },
  );
}
