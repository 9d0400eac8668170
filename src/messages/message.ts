import type { Text } from "../domain/rich-text.ts";

/**
 * OUR outbound message model. Use cases build these; each platform adapter renders them
 * (Block Kit, Adaptive Cards, the console) and every one shares the plain-text fallback in
 * plain-text.ts. Words that reach people are neutral `Text` (text.ts): emphasis, code and
 * links as data, never markup. Labels (a heading's, a field's, a button's) are plain words.
 */
export interface Message {
  /** One or two sentences that say what the message is about; the notification text. */
  text: Text;
  blocks: Block[];
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: Text }
  | { kind: "fields"; fields: Field[] }
  | { kind: "list"; items: Text[] }
  | { kind: "buttons"; buttons: Button[] }
  | { kind: "note"; text: Text }
  | LinkButton;

/**
 * A button that opens a web address ("Join the meeting") rather than asking the bot to do
 * something: nothing comes back to the core when it is pressed. The plain-text fallback shows
 * the label and the address, so it still works where buttons don't.
 */
export interface LinkButton {
  kind: "link";
  label: string;
  url: string;
}

export interface Field {
  label: string;
  value: Text;
}

/** A button the core understands: `action` names the handler, `value` its argument. */
export interface Button {
  action: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
}

/** A small form (a Slack modal, Adaptive Card inputs, console prompts). */
export interface Form {
  /** The handler that receives the submission. */
  action: string;
  title: string;
  intro?: Text;
  submitLabel: string;
  /** Carried through the platform untouched and handed back on submit (e.g. a meeting id). */
  context: string;
  fields: FormField[];
}

export type FormField =
  | {
      kind: "text";
      id: string;
      label: string;
      multiline?: boolean;
      optional?: boolean;
      initial?: string;
      maxLength?: number;
    }
  | {
      kind: "choice";
      id: string;
      label: string;
      options: { value: string; label: string }[];
      optional?: boolean;
    };

/** Builds a message from a first sentence and any further blocks. */
export function message(text: Text, ...blocks: Block[]): Message {
  return { text, blocks: [{ kind: "text", text }, ...blocks] };
}
