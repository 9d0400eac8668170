import { DateTime } from "luxon";

/** How often a series repeats (`/meeting repeat … every <2 weeks|4 weeks|month>`). */
export type Every = "2 weeks" | "4 weeks" | "month";

/** The most meetings one `/meeting repeat` books. */
export const MOST_AT_ONCE = 12;

/** "the second Tuesday": which week of its month a day falls in (1–5). */
export function weekOfMonth(at: Date, zone: string): number {
  return Math.ceil(DateTime.fromJSDate(at, { zone }).day / 7);
}

/**
 * The n-th meeting after `start` (n ≥ 1): every 2 or 4 weeks on the same weekday, or every month
 * on the same weekday of the same week of the month (the second Tuesday). Always at the same
 * wall-clock time in the zone, so a series keeps 2pm across a clock change. `start` must not be
 * in a fifth week when repeating monthly (most months have none): callers refuse that first.
 */
export function nthAfter(start: Date, every: Every, n: number, zone: string): Date {
  const first = DateTime.fromJSDate(start, { zone });
  if (every !== "month") return first.plus({ weeks: (every === "2 weeks" ? 2 : 4) * n }).toJSDate();
  const week = Math.ceil(first.day / 7);
  const month = first.startOf("month").plus({ months: n });
  // The first day of that month with the same weekday, then whole weeks on.
  const offset = (first.weekday - month.weekday + 7) % 7;
  const day = 1 + offset + (week - 1) * 7;
  return month
    .set({ day, hour: first.hour, minute: first.minute, second: first.second, millisecond: 0 })
    .toJSDate();
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

/** "the second Tuesday" of a day's month. */
export function weekdayOfMonthWords(at: Date, zone: string): string {
  const dt = DateTime.fromJSDate(at, { zone });
  return `the ${ORDINALS[weekOfMonth(at, zone) - 1]} ${dt.toFormat("cccc")}`;
}
