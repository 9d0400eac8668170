import { DateTime } from "luxon";

export type ParkedStatus = "parked" | "resolved" | "dropped";

/** An issue set aside so a discussion can move on, `P-<seq>` in its workstream (PRODUCT.md §4). */
export interface ParkedItem {
  id: number;
  workstreamId: number;
  seq: number;
  title: string;
  raisedBy: number | null;
  parkedBy: number;
  ownerId: number | null;
  /** The start of the revisit day in the workstream's zone; null when none was given. */
  revisitOn: Date | null;
  status: ParkedStatus;
  /** The outcome (resolved) or the reason (dropped). */
  outcome: string | null;
  fromDissentId: number | null;
  parkedAt: Date;
  closedAt: Date | null;
}

export type ParkedEventKind = "parked" | "revisit-changed" | "resolved" | "dropped";

/** One entry in a parked item's append-only history. */
export interface ParkedEvent {
  id: number;
  parkedId: number;
  event: ParkedEventKind;
  actorId: number;
  at: Date;
  detail: string | null;
  oldRevisit: Date | null;
  newRevisit: Date | null;
}

/** Items parked longer than this with no revisit date are flagged in the coordinator digest. */
export const STALE_PARKED_DAYS = 90;

/** The start of the day `at` falls on in `zone`: a revisit date is a day, not a moment. */
export function startOfDayIn(at: Date, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).startOf("day").toJSDate();
}
