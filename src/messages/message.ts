/**
 * OUR outbound message model. Use cases build these; each platform adapter renders them
 * (Block Kit, Adaptive Cards, the console) and every one shares the plain-text fallback in
 * plain-text.ts. Text may use *bold* and bare links, which every platform shows sensibly.
 */
export interface Message {
  /** One or two sentences that say what the message is about; the notification text. */
  text: string;
  blocks: Block[];
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "fields"; fields: Field[] }
  | { kind: "list"; items: string[] }
  | { kind: "buttons"; buttons: Button[] }
  | { kind: "note"; text: string };

export interface Field {
  label: string;
  value: string;
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
  intro?: string;
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
export function message(text: string, ...blocks: Block[]): Message {
  return { text, blocks: [{ kind: "text", text }, ...blocks] };
}
