import { expect } from "vitest";
import type { Button, Form, Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import type { Harness } from "./harness.ts";

/**
 * Clicks through check-ins as people would: each person's "screen" is the last direct message
 * they were sent, replaced by whatever a click updates it to; a form stays open until submitted.
 */
export function checkInDriver(h: Harness) {
  const screens = new Map<string, Message>();
  const forms = new Map<string, Form>();

  /** Picks up the DMs sent so far (the newest one per person becomes their screen). */
  const look = () => {
    for (const sent of h.gateway.sent) {
      const who = sent.address.replace(/^test:/, "");
      if (!who.startsWith("#")) screens.set(who, sent.message);
    }
  };
  const buttonsOn = (message: Message | undefined): Button[] =>
    message?.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : [])) ?? [];
  const apply = (who: string, result: ActionResult) => {
    if (result.kind === "update") screens.set(who, result.message);
    if (result.kind === "form") forms.set(who, result.form);
    return result;
  };

  return {
    look,
    screen: (who: string) => renderPlainText(screens.get(who) ?? { text: "", blocks: [] }),
    /** Presses the button whose label starts with `label` on this person's screen. */
    press(who: string, label: string): ActionResult {
      const button = buttonsOn(screens.get(who)).find((b) => b.label.startsWith(label));
      expect(
        button,
        `${who} sees a "${label}" button on: ${renderPlainText(screens.get(who) ?? { text: "", blocks: [] })}`,
      ).toBeDefined();
      return this.click(who, button as Button);
    },
    /** The same click again (a double click, or a platform's retried delivery). */
    click(who: string, button: Button): ActionResult {
      return apply(
        who,
        h.bot.action({ platform: "test", actor: h.person(who), action: button.action, value: button.value }),
      );
    },
    button(who: string, label: string): Button | undefined {
      return buttonsOn(screens.get(who)).find((b) => b.label.startsWith(label));
    },
    /** Sends the form this person has open. */
    submit(who: string, fields: Record<string, string>): ActionResult {
      const form = forms.get(who);
      expect(form, `${who} has a form open`).toBeDefined();
      const f = form as Form;
      forms.delete(who);
      return apply(
        who,
        h.bot.action({ platform: "test", actor: h.person(who), action: f.action, value: f.context, fields }),
      );
    },
    /** Answers a whole check-in with button labels (and form fields for "Write something" / support). */
    answer(who: string, steps: Array<string | { press: string; fields: Record<string, string> }>) {
      for (const step of steps) {
        if (typeof step === "string") this.press(who, step);
        else {
          this.press(who, step.press);
          this.submit(who, step.fields);
        }
      }
    },
  };
}
