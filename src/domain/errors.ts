/**
 * An error meant for the person who typed: a stable code for tests and logs, and one or two
 * plain sentences (with an example of correct use) that are shown to them privately.
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly userMessage: string;

  constructor(code: string, userMessage: string) {
    super(`${code}: ${userMessage}`);
    this.code = code;
    this.userMessage = userMessage;
    this.name = "UserFacingError";
  }
}

export function refuse(code: string, userMessage: string): never {
  throw new UserFacingError(code, userMessage);
}
