import type { Form, Message } from "../messages/message.ts";

/**
 * What a button click or form submission leads to: replace the message that was clicked (so it
 * cannot be answered twice), reply privately, or open a form.
 */
export type ActionResult =
  | { kind: "update"; message: Message }
  | { kind: "reply"; message: Message }
  | { kind: "form"; form: Form };
