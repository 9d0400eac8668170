/** Printing helpers: every figure on one line, ratios with their target and whether it was met. */
export function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

export function figure(label: string, value: number | string | undefined, unit = ""): void {
  const shown = typeof value === "number" ? round(value) : (value ?? "n/a");
  console.log(`  ${label.padEnd(44)} ${shown}${unit ? ` ${unit}` : ""}`);
}

/** A ratio against a target ("≤ target"); never fails the run, only says whether it was met. */
export function ratio(label: string, value: number, target: number): boolean {
  const met = Number.isFinite(value) && value <= target;
  console.log(`  ${label.padEnd(44)} ${round(value)}  (target ≤ ${target}: ${met ? "met" : "NOT met"})`);
  return met;
}

export function round(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Figures collected during the run, printed again at the end as a summary. */
export const summary: Array<{ label: string; value: string }> = [];
export function remember(label: string, value: string): void {
  summary.push({ label, value });
}
