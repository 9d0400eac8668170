import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import type { Mention } from "../domain/mention.ts";
import { startOfDayIn } from "../domain/parked-item.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findDissent, nameOf } from "./dissent-record.ts";
import { postParked } from "./parked-record.ts";
import { noMemberCalled } from "./people.ts";

const EXAMPLE = "/park Transport costs for carers revisit 2027-01-12 owner @sam";

/** What `/park` was asked, read completely by the command. */
export interface ParkInput {
  /** `D-3` when a recorded dissent is parked. */
  dissentId?: string;
  /** Cleaned and within the limit; empty when parking a dissent under its own words. */
  title: string;
  /** The start of the day to come back to it. */
  revisitOn?: Date;
  owner?: Mention;
}

/**
 * `/park <issue> [revisit <when>] [owner <@person>]` or `/park <D-n> …`: sets an issue aside so
 * the discussion can move on, with an owner and a date to come back to it.
 */
export function parkItem(core: Core, ctx: WorkstreamContext, request: ParkInput): Message {
  const { workstream, actor } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const dissent =
    request.dissentId === undefined
      ? undefined
      : findDissent(core, ctx, request.dissentId, "/park D-3 revisit next month");
  if (dissent?.status === "withdrawn")
    refuse(
      "park.withdrawn",
      `${formatId("dissent", dissent.seq)} was withdrawn by ${nameOf(core, dissent.memberId)}, so there is nothing to park.`,
    );
  const already = dissent && core.store.parking.openFromDissent(dissent.id);
  if (already)
    refuse(
      "park.already",
      `${formatId("dissent", dissent.seq)} is already parked as ${formatId("parked", already.seq)}.`,
    );
  const title = request.title || dissent?.view || "";
  if (!title) refuse("park.title", rich`Please say what the issue is. For example: ${code(EXAMPLE)}.`);

  const revisitOn = request.revisitOn ?? null;
  if (revisitOn) {
    if (revisitOn.getTime() < startOfDayIn(now, zone).getTime())
      refuse(
        "park.past",
        `${formatDay(revisitOn, zone)} has already passed. Please choose a day from today on.`,
      );
  }
  // Looked up, not created: a refused command must not write anyone into the database.
  const owner = request.owner ? core.store.people.byKey(request.owner.key) : actor;
  if (!owner || !core.store.members.get(workstream.id, owner.id))
    refuse(
      "park.owner",
      rich`${noMemberCalled(workstream.name, owner?.name ?? request.owner?.name)}, so they can't own a parked item here. A chair or coordinator can add them with ${code("/workstream add @name")}.`,
    );

  const item = core.store.transaction(() => {
    const created = core.store.parking.create({
      workstreamId: workstream.id,
      title,
      raisedBy: dissent ? dissent.memberId : actor.id,
      parkedBy: actor.id,
      ownerId: owner.id,
      revisitOn,
      fromDissentId: dissent?.id ?? null,
      now,
    });
    const from = dissent ? ` (from ${formatId("dissent", dissent.seq)})` : "";
    const when = revisitOn
      ? `to come back to on or after ${formatDay(revisitOn, zone)}`
      : "with no revisit date yet";
    postParked(
      core,
      workstream,
      `parked:${created.id}:parked`,
      rich`${actor.name} parked ${em(title)}${from} as ${formatId("parked", created.seq)}, ${when}. Owner: ${owner.name}.`,
    );
    return created;
  });
  core.log.info({ workstream: workstream.id, parked: item.id }, "item parked");
  const id = formatId("parked", item.seq);
  return message(
    rich`${id} is parked: ${em(title)}. Owner: ${owner.name}.`,
    revisitOn
      ? {
          kind: "text",
          text: `Revisit: ${formatDay(revisitOn, zone)}. I'll remind the chairs to put it on the agenda of the first meeting on or after that day.`,
        }
      : {
          kind: "text",
          text: rich`There is no revisit date yet. To add one: ${code(`/parked revisit ${id} next month`)}.`,
        },
    { kind: "note", text: rich`When it is settled: ${code(`/parked resolve ${id} what was decided`)}.` },
  );
}
