import { refuse } from "../domain/errors.ts";
import type { Mention } from "../domain/mention.ts";
import { startOfDayIn } from "../domain/parked-item.ts";
import type { RefusalCode } from "../domain/refusals.ts";
import { code, rich, type Text } from "../domain/rich-text.ts";
import { quoteBack } from "../domain/text.ts";
import { parseWhenPrefix, unrealWhen } from "../domain/time.ts";
import { HOW_TO_MENTION, readMention, words } from "./mentions.ts";
import type { ParseContext } from "./spec.ts";

/**
 * The small clause grammar shared by commands: `<head> [keyword <value>]…`, where each keyword
 * may appear once and its value runs to the next clause or the end. Clauses are found from the
 * end, so a title may use a keyword itself when the real clause follows it ("Whether to revisit
 * the budget revisit next friday"). A title in quotes is taken exactly as written.
 */
export interface Clauses {
  /** The words before the first clause (or the quoted title's words). */
  head: string[];
  /** True when the head was written in quotes. */
  quoted: boolean;
  /** Each keyword found, lower case, with the words of its value. */
  values: Map<string, string[]>;
}

const QUOTED = /^["“]([^"”]*)["”](?:\s+|$)/;

export function splitClauses(args: string, keywords: readonly string[]): Clauses {
  const trimmed = args.trim();
  const quote = QUOTED.exec(trimmed);
  const list = words(quote ? trimmed.slice(quote[0].length) : trimmed);
  const values = new Map<string, string[]>();
  let end = list.length;
  for (;;) {
    let at = -1;
    for (let i = end - 1; i >= 0; i--) {
      const word = list[i]?.toLowerCase() ?? "";
      if (keywords.includes(word) && !values.has(word)) {
        at = i;
        break;
      }
    }
    if (at < 0) break;
    values.set(list[at]?.toLowerCase() ?? "", list.slice(at + 1, end));
    end = at;
  }
  const head = list.slice(0, end);
  if (quote) {
    if (head.length > 0) {
      refuse(
        "clause.unreadable",
        rich`I couldn't read "${quoteBack(head.join(" "))}" after the title in quotes. Put the title in quotes first, then any clauses, for example ${code('/park "Whether to revisit the budget" owner @sam')}.`,
      );
    }
    return { head: words(quote[1] ?? ""), quoted: true, values };
  }
  return { head, quoted: false, values };
}

/**
 * A day written after a keyword (`revisit next month`, `on 2026-12-01`), read completely as
 * the start of that day in the zone; refused with what could not be read otherwise.
 */
export function readDay(text: string, at: ParseContext, example: Text, hint: Text = ""): Date {
  const parsed = parseWhenPrefix(text, at.zone, at.now);
  if (!parsed || parsed.rest) {
    const why = unrealWhen(text);
    refuse(
      "time.unreadable",
      rich`${why ? capitalise(why) : `I couldn't read "${quoteBack(text)}" as a date`}. Try ${example}${hint}.`,
    );
  }
  return startOfDayIn(parsed.at, at.zone);
}

/** Exactly one person, by mention, after a keyword such as `owner`; refused kindly otherwise. */
export function readOnePerson(
  value: string[],
  at: ParseContext,
  refusal: RefusalCode,
  example: string,
  hint: Text = "",
): Mention {
  const mention = value.length === 1 ? readMention(value[0] as string, at.platform) : undefined;
  if (mention) return mention;
  if (value.length === 0) refuse(refusal, rich`Please name the person, for example ${code(example)}.`);
  refuse(
    refusal,
    rich`I couldn't read "${quoteBack(value.join(" "))}" as a person. ${HOW_TO_MENTION}, for example ${code(example)}${hint}.`,
  );
}

/** "Why" sentences start lower case so they can follow a colon; this starts one. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** For a refused clause in a title: how to keep the word in the title instead. */
export function quoteHint(keyword: string): string {
  return `, or put the title in quotes if "${keyword}" is part of it`;
}
