import { DateTime } from "luxon";
import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { code, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { noMemberCalled, personFor } from "./people.ts";

const EXAMPLE = [code("/onetoone @sam on 2026-12-01")];

/**
 * `/onetoone <@person> [on <date>]` (chair): logs a one-to-one held (today unless a day is
 * given) and clears the member's open request. Answered with the day understood and when the
 * next is due.
 */
export function logOneToOne(core: Core, ctx: WorkstreamContext, mention: Mention, heldOnDay?: Date): Message {
  const { workstream, actor } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  let day = today;
  if (heldOnDay) {
    day = DateTime.fromJSDate(heldOnDay, { zone }).startOf("day");
    if (day > today) {
      refuse(
        "onetoone.future",
        rich`${formatDay(day.toJSDate(), zone)} hasn't come yet. Log a one-to-one once it has happened, for example ${EXAMPLE}.`,
      );
    }
  }
  const known = core.store.people.byKey(mention.key);
  const member = known && core.store.members.get(workstream.id, known.id);
  if (!member) {
    refuse(
      "onetoone.not-member",
      rich`${noMemberCalled(workstream.name, known?.name ?? mention.name)}. Add them first with ${code("/workstream add @name")}.`,
    );
  }
  if (member.id === actor.id)
    refuse("onetoone.self", rich`A one-to-one is with a member, for example ${EXAMPLE}.`);
  const person = personFor(core, mention);
  const heldOn = day.toJSDate();
  const next = day.plus({ days: workstream.settings["one-to-one-every-days"] }).toJSDate();
  const cleared = core.store.transaction(() => {
    core.store.oneToOnes.log({
      workstreamId: workstream.id,
      personId: person.id,
      chairId: actor.id,
      heldOn,
      now,
    });
    const open = core.store.oneToOnes.openRequests(workstream.id).find((r) => r.personId === person.id);
    if (!open) return false;
    core.store.oneToOnes.clearRequest(workstream.id, person.id, now);
    // A request message still held by quiet hours is no longer news to the chairs.
    core.store.outbox.dropSubject(`onetoone-request:${open.id}`, "one-to-one logged", now);
    return true;
  });
  core.log.info({ workstream: workstream.id, member: person.id }, "one-to-one logged");
  const when = day.equals(today) ? `today (${formatDay(heldOn, zone)})` : `on ${formatDay(heldOn, zone)}`;
  return message(
    `Logged: a one-to-one with ${person.name} ${when}.${cleared ? ` Their request for one is now cleared.` : ""}`,
    {
      kind: "note",
      text: `The next one is due by ${formatDay(next, zone)}. Only ${person.name} and the chairs see these dates.`,
    },
  );
}
