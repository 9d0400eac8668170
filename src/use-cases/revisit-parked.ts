import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { startOfDayIn } from "../domain/parked-item.ts";
import { em, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findOpenParked, takeBackReminders } from "./parked-record.ts";
import { refreshAgendasWithParked } from "./refresh-papers-agenda.ts";

const EXAMPLE = "/parked revisit P-4 2027-02-09";

/** `/parked revisit <P-n> <when>`: a new day to come back to it; the agenda reminder moves with it. */
export function revisitParked(
  core: Core,
  ctx: WorkstreamContext,
  input: { parkedId: string; revisitOn: Date },
): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const item = findOpenParked(core, ctx, input.parkedId, EXAMPLE);
  const { revisitOn } = input;
  if (revisitOn.getTime() < startOfDayIn(now, zone).getTime())
    refuse(
      "parked.past",
      `${formatDay(revisitOn, zone)} has already passed. Please choose a day from today on.`,
    );
  core.store.transaction(() => {
    core.store.parking.setRevisit({ id: item.id, revisitOn, actorId: ctx.actor.id, now });
    if (item.revisitOn?.getTime() !== revisitOn.getTime()) {
      takeBackReminders(core, item, now);
      // Moved off the agenda it had joined (it joins the new meeting's when that falls due).
      refreshAgendasWithParked(core, ctx.workstream, item.id);
    }
  });
  core.log.info({ workstream: workstream.id, parked: item.id }, "parked item revisit changed");
  return message(
    rich`${formatId("parked", item.seq)} (${em(item.title)}) will now be revisited on or after ${formatDay(revisitOn, zone)}. I'll remind the chairs before the first meeting from that day.`,
  );
}
