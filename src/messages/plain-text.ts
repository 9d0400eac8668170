import type { Form, Message } from "./message.ts";

/**
 * The plain-text rendering every platform shares: the notification fallback, the console, and
 * what a screen reader or a basic phone shows. It must read well on its own, so buttons are
 * listed by what they do.
 */
export function renderPlainText(msg: Message): string {
  const lines: string[] = [];
  for (const block of msg.blocks) {
    switch (block.kind) {
      case "heading":
        lines.push(block.text.toUpperCase() === block.text ? block.text : `*${block.text}*`);
        break;
      case "text":
      case "note":
        lines.push(block.text);
        break;
      case "fields":
        for (const f of block.fields) lines.push(`${f.label}: ${f.value}`);
        break;
      case "list":
        for (const item of block.items) lines.push(`• ${item}`);
        break;
      case "buttons":
        lines.push(`You can choose: ${block.buttons.map((b) => `"${b.label}"`).join(", ")}.`);
        break;
    }
  }
  return lines.join("\n");
}

/** A form in plain text, for the console and for fallbacks. */
export function renderFormPlainText(form: Form): string {
  const lines = [`*${form.title}*`];
  if (form.intro) lines.push(form.intro);
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
