import { type Marks, PLAIN_MARKS, renderText } from "../domain/rich-text.ts";
import type { Form, Message } from "./message.ts";

/**
 * The plain-text rendering every platform shares: the notification fallback, the console, and
 * what a screen reader or a basic phone shows. It must read well on its own, so buttons are
 * listed by what they do. `marks` says how spans are written (Slack's fallback text is mrkdwn,
 * escaped); by default emphasis is `*starred*` and code is in backticks.
 */
export function renderPlainText(msg: Message, marks: Marks = PLAIN_MARKS): string {
  const lines: string[] = [];
  for (const block of msg.blocks) {
    switch (block.kind) {
      case "heading":
        lines.push(block.text.toUpperCase() === block.text ? marks.plain(block.text) : marks.em(block.text));
        break;
      case "text":
      case "note":
        lines.push(renderText(block.text, marks));
        break;
      case "fields":
        for (const f of block.fields) lines.push(`${marks.plain(f.label)}: ${renderText(f.value, marks)}`);
        break;
      case "list":
        for (const item of block.items) lines.push(`• ${renderText(item, marks)}`);
        break;
      case "buttons":
        lines.push(`You can choose: ${block.buttons.map((b) => `"${marks.plain(b.label)}"`).join(", ")}.`);
        break;
      case "link":
        lines.push(`${marks.plain(block.label)}: ${marks.link(block.url, undefined)}`);
        break;
    }
  }
  return lines.join("\n");
}

/** A form in plain text, for the console and for fallbacks. */
export function renderFormPlainText(form: Form): string {
  const lines = [PLAIN_MARKS.em(form.title)];
  if (form.intro) lines.push(renderText(form.intro, PLAIN_MARKS));
  for (const field of form.fields) {
    const optional = field.optional ? " (optional)" : "";
    if (field.kind === "choice") {
      lines.push(`${field.label}${optional}: ${field.options.map((o) => o.label).join(" / ")}`);
    } else {
      lines.push(`${field.label}${optional}`);
    }
  }
  return lines.join("\n");
}
