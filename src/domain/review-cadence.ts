import { DateTime } from "luxon";
import { REVIEW_LOCAL_HOUR } from "./review.ts";

/**
 * The `n`th scheduled review after `anchor`: `n × weeks` weeks on, counted in calendar days in
 * the workstream's zone, at REVIEW_LOCAL_HOUR local time. Counting days rather than hours keeps
 * the local time the same across daylight-saving changes (10:00 in March and in November).
 */
export function reviewSlot(anchor: Date, weeks: number, zone: string, n: number): Date {
  return DateTime.fromJSDate(anchor, { zone })
    .startOf("day")
    .plus({ weeks: weeks * n })
    .set({ hour: REVIEW_LOCAL_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * The latest scheduled slot after `anchor` that has come by `now`, and how many earlier slots
 * it passes over (after downtime longer than the cadence, only the latest is worth sending).
 * Undefined when the first slot has not come yet.
 */
export function dueReviewSlot(
  anchor: Date,
  weeks: number,
  zone: string,
  now: Date,
): { slot: Date; passedOver: number } | undefined {
  let n = 0;
  while (reviewSlot(anchor, weeks, zone, n + 1).getTime() <= now.getTime()) n++;
  if (n === 0) return undefined;
  return { slot: reviewSlot(anchor, weeks, zone, n), passedOver: n - 1 };
}
