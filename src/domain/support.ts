/** The kinds of support a member can ask for (PRODUCT.md §4, question 6). */
export const SUPPORT_KINDS = ["practical", "accessibility", "wellbeing", "other"] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Where a request came from: `/support`, the check-in, or "Another format, please" on papers. */
export type SupportSource = "command" | "checkin" | "papers";

/** A private request for support: seen by the person and the coordinators, never by chairs. */
export interface SupportRequest {
  id: number;
  workstreamId: number;
  /** The short id people type: S-<seq>. */
  seq: number;
  personId: number;
  /** The person's name (for coordinators' eyes only). */
  name: string;
  kind: SupportKind;
  need: string;
  source: SupportSource;
  status: "open" | "done";
  createdAt: Date;
  closedBy: number | null;
  closedAt: Date | null;
}

/** How a kind reads in a sentence: "practical support", "support with something else". */
export function supportKindWords(kind: SupportKind): string {
  return kind === "other" ? "support with something else" : `${kind} support`;
}

/** How a kind reads as a short label: "practical", "something else". */
export function supportKindLabel(kind: SupportKind): string {
  return kind === "other" ? "something else" : kind;
}

export function isSupportKind(word: string): word is SupportKind {
  return (SUPPORT_KINDS as readonly string[]).includes(word);
}

/** Reads an optional leading kind off `/support <need>`: "accessibility large print" → both. */
export function readSupportNeed(text: string): { kind: SupportKind; need: string } {
  const trimmed = text.trim();
  const first = /^(\S+)[:\s,-]*/.exec(trimmed);
  const word = first?.[1]?.toLowerCase().replace(/[:,]$/, "") ?? "";
  if (first && isSupportKind(word) && trimmed.length > first[0].length) {
    return { kind: word, need: trimmed.slice(first[0].length).trim() };
  }
  return { kind: "other", need: trimmed };
}
