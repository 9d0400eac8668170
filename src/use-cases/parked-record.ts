import type { Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import type { ParkedItem } from "../domain/parked-item.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { DAY, formatDay } from "../domain/time.ts";
import { message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { nameOf } from "./dissent-record.ts";
import { refreshAgendasWithParked } from "./refresh-papers-agenda.ts";

/** The P-n a command names in this workstream, still open; refuses kindly otherwise. */
export function findOpenParked(
  core: Core,
  ctx: WorkstreamContext,
  text: string | undefined,
  example: string,
): ParkedItem {
  const seq = parseId("parked", text);
  if (seq === undefined)
    refuse("parked.id", rich`"${text ?? ""}" is not a parked item number. For example: ${code(example)}.`);
  const item = core.store.parking.bySeq(ctx.workstream.id, seq);
  if (!item)
    refuse(
      "parked.not-found",
      rich`There is no P-${seq} in ${em(ctx.workstream.name)}. ${code("/parked")} shows the parking lot.`,
    );
  if (item.status !== "parked")
    refuse(
      "parked.closed",
      `${formatId("parked", item.seq)} is already ${item.status}: ${item.outcome ?? ""}`,
    );
  return item;
}

/** "owner Sam, revisit Thursday 10 December, parked 3 days ago by Chris" for lists and messages. */
export function describeParked(core: Core, item: ParkedItem, zone: string, now: Date): string {
  const owner = item.ownerId === null ? "no owner yet" : `owner ${nameOf(core, item.ownerId)}`;
  const revisit = item.revisitOn ? `revisit ${formatDay(item.revisitOn, zone)}` : "no revisit date";
  const days = Math.floor((now.getTime() - item.parkedAt.getTime()) / DAY);
  const age = days <= 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
  const raised =
    item.raisedBy !== null && item.raisedBy !== item.parkedBy
      ? `, raised by ${nameOf(core, item.raisedBy)}`
      : "";
  return `${owner}, ${revisit}; parked ${age} by ${nameOf(core, item.parkedBy)}${raised}`;
}

/**
 * Takes back a revisit reminder about this item that is still waiting to go (held by quiet
 * hours), so a resolved, dropped or moved item is not put to the chair. The other items it
 * listed are found due again at the next tick and go in a fresh message.
 */
export function takeBackReminders(core: Core, item: ParkedItem, now: Date): void {
  for (const key of core.store.parking.reminderKeys(item.id)) {
    const row = core.store.outbox.byKey(key);
    if (row?.status !== "pending") continue;
    core.store.outbox.finish(row.id, "dropped", "parked item changed", now);
    core.store.parking.forgetReminder(key);
  }
}

/** What `/parked resolve` or `/parked drop` was asked: the P-n, and the outcome or reason, cleaned. */
export interface CloseParkedInput {
  parkedId: string;
  outcome: string;
}

/** Resolves or drops an open item with its outcome or reason, and tells the channel. */
export function closeParked(
  core: Core,
  ctx: WorkstreamContext,
  input: CloseParkedInput,
  status: "resolved" | "dropped",
): { item: ParkedItem; outcome: string } {
  const verb = status === "resolved" ? "resolve" : "drop";
  const what = status === "resolved" ? "outcome" : "reason";
  const example =
    status === "resolved"
      ? "/parked resolve P-4 Agreed to trial the new rota for three months"
      : "/parked drop P-4 No longer needed after the service change";
  const item = findOpenParked(core, ctx, input.parkedId, example);
  const outcome = input.outcome;
  if (!outcome)
    refuse(
      `parked.${what}`,
      rich`Please add the ${what} after the number, so the record says why. For example: ${code(example)}.`,
    );
  const now = core.clock.now();
  core.store.transaction(() => {
    core.store.parking.close({ id: item.id, status, outcome, actorId: ctx.actor.id, now });
    takeBackReminders(core, item, now);
    // Off any agenda it had joined: members' papers messages follow.
    refreshAgendasWithParked(core, ctx.workstream, item.id);
    postParked(
      core,
      ctx.workstream,
      `parked:${item.id}:${status}`,
      rich`${formatId("parked", item.seq)} (${em(item.title)}) is ${status} by ${ctx.actor.name}. ${status === "resolved" ? "Outcome" : "Reason"}: ${outcome}`,
    );
  });
  core.log.info({ workstream: ctx.workstream.id, parked: item.id, status }, `parked item ${verb}`);
  return { item, outcome };
}

export function postParked(core: Core, workstream: Workstream, key: string, text: Text): void {
  queueChannelPost(core, workstream, message(text), { key });
}
