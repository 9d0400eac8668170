import type { Button, Form } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import type { Harness } from "../helpers/harness.ts";

/** The last button with this label that a person was sent. */
export function button(h: Harness, who: string, label: string): Button {
  for (const sent of [...h.gateway.to(`test:${who}`)].reverse()) {
    for (const block of sent.message.blocks) {
      if (block.kind !== "buttons") continue;
      const found = block.buttons.find((b) => b.label === label);
      if (found) return found;
    }
  }
  throw new Error(`${who} was not sent a "${label}" button`);
}

/** Clicks a button (or submits a form) as `who`. */
export function click(
  h: Harness,
  who: string,
  b: { action: string; value: string },
  fields?: Record<string, string>,
) {
  return h.bot.action({
    platform: "test",
    actor: h.person(who),
    action: b.action,
    value: b.value,
    ...(fields ? { fields } : {}),
  });
}

/** Submits the form a click opened. */
export function submit(h: Harness, who: string, result: ActionResult, fields: Record<string, string>) {
  const form = formOf(result);
  return click(h, who, { action: form.action, value: form.context }, fields);
}

export function formOf(result: ActionResult): Form {
  if (result.kind !== "form") throw new Error(`expected a form, got ${result.kind}`);
  return result.form;
}

/** The text a person sees after a click that updated or replied. */
export function textOf(result: ActionResult): string {
  if (result.kind === "form") throw new Error("expected a message, got a form");
  return renderPlainText(result.message);
}

/** Who received a direct message containing `text`, sorted. */
export function recipientsOf(h: Harness, text: string): string[] {
  return h.gateway.sent
    .filter((s) => s.text.includes(text))
    .map((s) => s.address)
    .sort();
}
