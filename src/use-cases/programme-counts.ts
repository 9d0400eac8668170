import type { Workstream } from "../domain/entities.ts";
import { STALE_PARKED_DAYS } from "../domain/parked-item.ts";
import { DAY } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";
import { drifting } from "./digest/drop-off.ts";
import { oneToOneStandings } from "./one-to-one-standings.ts";

/** A figure that is one count per workstream (summed for the programme): never who, only how many. */
export interface CountFigure {
  name: string;
  /** How it reads in the view, the digest and the report's tables. */
  label: string;
  count(core: Core, workstream: Workstream, now: Date): number;
}

/**
 * The programme's counts (PRODUCT.md §14), in the order they are shown. A new count is one line
 * here: the view, the digest and the report list whatever this holds.
 */
export const COUNT_FIGURES: CountFigure[] = [
  {
    name: "overdue-one-to-ones",
    label: "One-to-ones overdue",
    count: (core, ws, now) => oneToOneStandings(core, ws, now).filter((s) => s.overdue).length,
  },
  {
    name: "open-support",
    label: "Open support requests",
    count: (core, ws) => core.store.support.openIn(ws.id).length,
  },
  {
    name: "parked-open",
    label: "Parked items open",
    count: (core, ws) => core.store.parking.open(ws.id).length,
  },
  {
    name: "parked-stale",
    label: `Parked items stale (over ${STALE_PARKED_DAYS} days, no date to come back)`,
    count: (core, ws, now) =>
      core.store.parking.staleWithoutRevisit(ws.id, new Date(now.getTime() - STALE_PARKED_DAYS * DAY)).length,
  },
  {
    name: "decisions-not-brought",
    label: "Decisions made outside meetings, not yet brought to the group",
    count: (core, ws) => core.store.decisions.countOutsideNotBrought(ws.id),
  },
  {
    name: "dropped-off",
    label: "Members who may have dropped off",
    count(core, ws, now) {
      const { missedMeetings, silent } = drifting(core, ws, core.store.members.list(ws.id), now);
      return new Set([...missedMeetings, ...silent].map((m) => m.id)).size;
    },
  },
];
