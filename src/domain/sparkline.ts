const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** The mark for a value too thin to show (a group with too few answers that time). */
export const GAP = "·";

/**
 * A small text chart of rates from 0 to 1, one character each: ▁ for 0 up to █ for 1, and
 * GAP where there is no value. Meaning never rests on the chart alone: callers give numbers too.
 */
export function sparkline(rates: Array<number | undefined>): string {
  return rates
    .map((r) => (r === undefined ? GAP : (BARS[Math.min(7, Math.floor(r * 8))] as string)))
    .join("");
}
