import type { Dissent } from "../domain/dissent.ts";
import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** Longest view we keep: a few paragraphs, and within what a Slack form field allows. */
export const MAX_VIEW_LENGTH = 1500;

/** The D-n a command names in this workstream; refuses kindly if there is none. */
export function findDissent(
  core: Core,
  ctx: WorkstreamContext,
  text: string | undefined,
  example: string,
): Dissent {
  const seq = parseId("dissent", text);
  if (seq === undefined)
    refuse("dissent.id", rich`"${text ?? ""}" is not a dissent number. For example: ${code(example)}.`);
  const dissent = core.store.dissent.bySeq(ctx.workstream.id, seq);
  if (!dissent)
    refuse(
      "dissent.not-found",
      rich`There is no D-${seq} in ${em(ctx.workstream.name)}. ${code("/dissent list")} shows the register.`,
    );
  return dissent;
}

/**
 * The dissent a button or form points at, if this person is the one whose view it is: only
 * they may confirm, edit or withdraw it.
 */
export function dissentForAction(
  core: Core,
  actor: Person,
  value: string,
): { dissent: Dissent; workstream: Workstream } {
  const dissent = core.store.dissent.byId(Number(value));
  const workstream = dissent && core.store.workstreams.byId(dissent.workstreamId);
  if (!dissent || !workstream) refuse("dissent.gone", "Sorry, I can't find that record any more.");
  if (dissent.memberId !== actor.id)
    refuse("dissent.not-yours", "Only the person whose view this is can change it.");
  if (dissent.status === "withdrawn")
    refuse(
      "dissent.withdrawn",
      `${formatId("dissent", dissent.seq)} was withdrawn, so there is nothing more to do. It stays in the register marked as withdrawn.`,
    );
  return { dissent, workstream };
}

export function nameOf(core: Core, personId: number | null): string {
  if (personId === null) return "nobody";
  return core.store.people.byId(personId)?.name ?? "someone";
}

export function quoted(view: string): string {
  return `"${view}"`;
}

/** " at *Medication review* (M-2) on Thursday 3 December", or "" when there was no meeting. */
export function meetingPhrase(core: Core, dissent: Dissent, zone: string): Text {
  const meeting = dissent.meetingId === null ? undefined : core.store.meetings.byId(dissent.meetingId);
  if (!meeting) return "";
  return rich` at ${em(meeting.title)} (${formatId("meeting", meeting.seq)}) on ${formatDay(meeting.startsAt, zone)}`;
}

/**
 * Posts a change to the register in the workstream's channel, once per history event: the
 * register is public to the workstream, and a change made quietly is what members feared.
 */
export function postDissentUpdate(core: Core, workstream: Workstream, eventId: number, text: Text): void {
  queueChannelPost(core, workstream, message(text), {
    key: `dissent-event:${eventId}`,
  });
}
