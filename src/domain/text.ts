import { refuse } from "./errors.ts";

/**
 * The longest each kind of free text may be, in characters (PRODUCT.md §16). Kept in one table
 * so a refusal can always say the limit, and so no command can store text of unbounded size.
 */
export const TEXT_LIMITS = {
  title: 200,
  view: 1500,
  comment: 1500,
  support: 1500,
  "agenda item": 300,
  "glossary word": 80,
  meaning: 1000,
  summary: 1000,
  outcome: 1500,
  reason: 1500,
  note: 1500,
  name: 80,
  // Where a meeting is: a room, or a video link (a Teams meeting link runs to 300 characters).
  place: 1000,
  // What was decided: longer than a title, since a decision often says why and what follows.
  decision: 1000,
  // An agreed ground rule travels in every new member's welcome, so it is kept short.
  "ground rule": 500,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

// C0 and C1 control characters except newline, and the bidirectional marks, embeddings,
// overrides and isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069): these can make text shown to
// others read differently from what was stored, or break a message's layout.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that other people will see, made safe to show: control characters and bidirectional
 * overrides removed (a tab or carriage return becomes a space), and the ends trimmed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\r]/g, " ")
    .replace(UNSAFE, "")
    .trim();
}

/** Characters as a person counts them (an emoji is one), not UTF-16 code units. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Cleans free text and refuses it, saying the limit, when it is longer than its kind allows:
 * "That title is 10,000 characters long; please keep it to 200."
 */
export function readText(kind: TextKind, raw: string): string {
  const text = cleanText(raw);
  const limit = TEXT_LIMITS[kind];
  const length = characterCount(text);
  if (length > limit) {
    refuse(
      "text.too-long",
      `That ${kind === "support" ? "support request" : kind} is ${length.toLocaleString("en-GB")} characters long; please keep it to ${limit.toLocaleString("en-GB")}.`,
    );
  }
  return text;
}

/**
 * Someone's own words quoted back in a refusal: cleaned, and cut short so a 10,000-character
 * paste does not come back whole.
 */
export function quoteBack(text: string, longest = 40): string {
  const clean = cleanText(text).replace(/\s+/g, " ");
  const chars = [...clean];
  return chars.length > longest ? `${chars.slice(0, longest - 1).join("")}…` : clean;
}
