/** Prefixes of the short per-workstream ids people type: M-3, PA-2, D-7, P-4, S-5, A-6, DC-2. */
export const ID_PREFIXES = {
  meeting: "M",
  paper: "PA",
  dissent: "D",
  parked: "P",
  support: "S",
  agenda: "A",
  decision: "DC",
} as const;
export type ItemKind = keyof typeof ID_PREFIXES;

export function formatId(kind: ItemKind, seq: number): string {
  return `${ID_PREFIXES[kind]}-${seq}`;
}

/** Reads `M-3` (any case, `M3` too) as 3; undefined if it is not an id of that kind. */
export function parseId(kind: ItemKind, text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = new RegExp(`^${ID_PREFIXES[kind]}-?(\\d{1,9})$`, "i").exec(text.trim());
  return match?.[1] ? Number(match[1]) : undefined;
}
