import type { Mention } from "../domain/mention.ts";
import { cleanText } from "../domain/text.ts";

export type { Mention };

// Slack `<@U123>` / `<@U123|sam>`; the Teams adapter rewrites its <at> entities to this form
// too, and the console its `@sam` handles.
const PLATFORM_MENTION = /^<@([^|>\s]+)(?:\|([^>]+))?>$/;

/** Reads one word as a mention, or undefined when it is not one. */
export function readMention(word: string, platform: string): Mention | undefined {
  const m = PLATFORM_MENTION.exec(word);
  if (m?.[1]) {
    // The name is shown to others (in posts and lists), so it is cleaned like any other text.
    const name = cleanText(m[2] ?? "");
    return { key: `${platform}:${m[1]}`, name: name || m[1], named: Boolean(name) };
  }
  return undefined;
}

/** True for a word that was meant as a mention (`@zoë`, `<@…`) whether or not it can be read. */
export function looksLikeMention(word: string): boolean {
  return /^(?:@|<@|<at>)/i.test(word);
}

/** How to name someone so the bot can read it, for refusals. */
export const HOW_TO_MENTION = "Type @ and pick the person from the list that pops up";

/**
 * Splits command text into words, keeping a `<@U1|Sam Jones>` mention whole even when the
 * name has spaces in it, with the comma of a list (`<@U1>, <@U2>`) on its mention.
 */
export function words(text: string): string[] {
  return text.match(/<@[^>]*>,?|\S+/g) ?? [];
}

/** Takes the leading mentions off a list of words. */
export function takeMentions(
  list: string[],
  platform: string,
): { mentions: Mention[]; rest: string[]; unreadable?: string } {
  const mentions: Mention[] = [];
  let i = 0;
  for (; i < list.length; i++) {
    const word = (list[i] as string).replace(/,$/, "");
    const mention = readMention(word, platform);
    if (!mention) {
      if (looksLikeMention(word)) return { mentions, rest: list.slice(i), unreadable: word };
      break;
    }
    mentions.push(mention);
  }
  return { mentions, rest: list.slice(i) };
}
