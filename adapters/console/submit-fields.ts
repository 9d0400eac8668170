import { refuse } from "../../src/domain/errors.ts";
import type { Form } from "../../src/messages/message.ts";

/**
 * Reads `/submit field=value; field=value` against the form that is open (PRODUCT.md §8).
 * A value holding a `;` may be written in double quotes; a part with no `field=` in front of it
 * carries on the value before it, so `comment=late; sorry` keeps the whole sentence. A choice
 * takes its code or its label, in any case. Anything else is refused in one plain line, with
 * the form left open.
 */
export function readSubmittedFields(text: string, form: Form): Record<string, string> {
  const ids = new Set(form.fields.map((f) => f.id));
  const usage = `Try /submit ${form.fields.map((f) => `${f.id}=…`).join("; ")}`;
  const fields: Record<string, string> = {};
  let current: string | undefined;
  for (const part of splitOutsideQuotes(text)) {
    const named = /^\s*([\w-]+)\s*=([\s\S]*)$/.exec(part);
    if (named && ids.has(named[1] as string)) {
      current = named[1] as string;
      fields[current] = unquote(named[2] as string);
    } else if (current !== undefined) {
      fields[current] = `${fields[current]};${part}`.trim();
    } else if (part.trim() !== "") {
      const name = named?.[1];
      refuse(
        "console.submit-field",
        name
          ? `This form has no field called "${name}". ${usage}`
          : `I couldn't tell which field "${part.trim()}" is for. ${usage}`,
      );
    }
  }
  for (const field of form.fields) {
    const value = fields[field.id];
    if (field.kind !== "choice" || value === undefined) continue;
    const wanted = value.toLowerCase();
    const option = field.options.find(
      (o) => o.value.toLowerCase() === wanted || o.label.toLowerCase() === wanted,
    );
    if (!option)
      refuse(
        "console.submit-choice",
        `"${field.label.replace(/[?:]$/, "")}" can be ${field.options.map((o) => o.label).join(", ")}. For example: /submit ${field.id}=${field.options[0]?.label ?? "…"}`,
      );
    fields[field.id] = option.value;
  }
  return fields;
}

/** Splits at each `;` that is not inside double quotes. */
function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let part = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ";" && !quoted) {
      parts.push(part);
      part = "";
    } else {
      part += char;
    }
  }
  parts.push(part);
  return parts;
}

/** `"a; b"` → `a; b`; anything else is only trimmed. */
function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}
