import type { RefusalCode } from "./refusals.ts";
import { plainText, type Text } from "./rich-text.ts";

/**
 * An error meant for the person who typed: a stable code for tests and logs, and one or two
 * plain sentences (with an example of correct use) that are shown to them privately. The
 * sentence is neutral text (domain/rich-text.ts, which imports nothing), so each platform writes
 * its commands and emphasis in its own markup.
 */
export class UserFacingError extends Error {
  readonly code: RefusalCode;
  readonly sentence: Text;

  constructor(code: RefusalCode, sentence: Text) {
    super(`${code}: ${plainText(sentence)}`);
    this.code = code;
    this.sentence = sentence;
    this.name = "UserFacingError";
  }

  /** The sentence as plain text, as the console and the fallbacks show it. */
  get userMessage(): string {
    return plainText(this.sentence);
  }
}

export function refuse(code: RefusalCode, sentence: Text): never {
  throw new UserFacingError(code, sentence);
}
