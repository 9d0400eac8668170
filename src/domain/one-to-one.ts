import { DateTime } from "luxon";

/** A one-to-one a chair held with a member, as the chair logged it. */
export interface OneToOne {
  id: number;
  workstreamId: number;
  /** The member it was with. */
  personId: number;
  /** The chair who logged it. */
  chairId: number;
  /** The start of the day it was held, in the workstream's time zone. */
  heldOn: Date;
  loggedAt: Date;
}

/** Where a request for a one-to-one came from. */
export type OneToOneSource = "command" | "checkin";

/** A member asking the chairs for a one-to-one; open until a chair logs one with them. */
export interface OneToOneRequest {
  id: number;
  workstreamId: number;
  personId: number;
  source: OneToOneSource;
  requestedAt: Date;
  clearedAt: Date | null;
}

/** One member's standing: their last one-to-one, when the next is due, and whether they asked. */
export interface OneToOneStanding {
  personId: number;
  last: Date | null;
  /** The day the next one is due (start of day, workstream zone). */
  dueOn: Date;
  overdue: boolean;
  request: OneToOneRequest | null;
}

/**
 * When each member's next one-to-one is due: `everyDays` after their last, or after they
 * joined when they never had one. Counted in calendar days in the workstream's zone, so a
 * clock change does not move a due date by an hour into the day before.
 */
export function oneToOneStanding(input: {
  personId: number;
  joinedAt: Date;
  last: Date | null;
  request: OneToOneRequest | null;
  everyDays: number;
  zone: string;
  now: Date;
}): OneToOneStanding {
  const from = DateTime.fromJSDate(input.last ?? input.joinedAt, { zone: input.zone }).startOf("day");
  const dueOn = from.plus({ days: input.everyDays });
  const today = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf("day");
  return {
    personId: input.personId,
    last: input.last,
    dueOn: dueOn.toJSDate(),
    overdue: dueOn < today,
    request: input.request,
  };
}

/**
 * The chair's order: members who asked first (earliest request first), then the overdue (most
 * overdue first), then everyone else by due date.
 */
export function chairOrder(a: OneToOneStanding, b: OneToOneStanding): number {
  if (a.request && b.request) return a.request.requestedAt.getTime() - b.request.requestedAt.getTime();
  if (a.request || b.request) return a.request ? -1 : 1;
  return a.dueOn.getTime() - b.dueOn.getTime();
}
