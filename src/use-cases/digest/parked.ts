import { DateTime } from "luxon";
import { formatId } from "../../domain/ids.ts";
import { STALE_PARKED_DAYS } from "../../domain/parked-item.ts";
import { em, rich } from "../../domain/rich-text.ts";
import { DAY, formatDay } from "../../domain/time.ts";
import type { DigestInput, SectionBuilder } from "./section.ts";

const DUE_WITHIN_DAYS = 7;

/**
 * Parked items whose revisit date has come or comes within a week, and items parked longer than
 * 90 days with no revisit date at all (PRODUCT.md §4).
 */
export const parkedItems: SectionBuilder = {
  name: "parked",
  build({ core, workstream, now }: DigestInput) {
    const zone = workstream.settings.timezone;
    const horizon = DateTime.fromJSDate(now, { zone })
      .startOf("day")
      .plus({ days: DUE_WITHIN_DAYS })
      .toJSDate();
    const due = core.store.parking
      .open(workstream.id)
      .filter((p) => p.revisitOn !== null && p.revisitOn <= horizon);
    const stale = core.store.parking.staleWithoutRevisit(
      workstream.id,
      new Date(now.getTime() - STALE_PARKED_DAYS * DAY),
    );
    const items = [
      ...due.map((p) => {
        const when = (p.revisitOn as Date) < now ? "was set" : "set";
        return rich`${formatId("parked", p.seq)} ${em(p.title)}: ${when} to come back to on ${formatDay(p.revisitOn as Date, zone)}.`;
      }),
      ...stale.map((p) => {
        const days = Math.floor((now.getTime() - p.parkedAt.getTime()) / DAY);
        return rich`${formatId("parked", p.seq)} ${em(p.title)}: parked ${days} days ago, with no date to come back to it.`;
      }),
    ];
    if (items.length === 0) return undefined;
    return { heading: "Parked items to come back to", blocks: [{ kind: "list", items }] };
  },
};
