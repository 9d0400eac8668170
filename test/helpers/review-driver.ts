import { expect } from "vitest";
import type { Button } from "../../src/messages/message.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import type { Harness } from "./harness.ts";

/** Scores for a review form: one for both task questions, one for the four process questions. */
export function scores(task: number, process: number): Record<string, string> {
  return {
    progress: String(task),
    clarity: String(task),
    voice: String(process),
    disagreements: String(process),
    decisions: String(process),
    support: String(process),
  };
}

/** Answers reviews as people would: the button in their latest invitation, then the form. */
export function reviewDriver(h: Harness) {
  const buttonFor = (who: string): Button => {
    const button = h.gateway
      .to(`test:${who}`)
      .flatMap((s) => s.message.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : [])))
      .filter((b) => b.action === "review.open")
      .at(-1);
    expect(button, `${who} has a review button`).toBeDefined();
    return button as Button;
  };
  return {
    buttonFor,
    open(who: string): ActionResult {
      const b = buttonFor(who);
      return h.bot.action({ platform: "test", actor: h.person(who), action: b.action, value: b.value });
    },
    /** Opens the form and sends it with these fields. */
    answer(who: string, fields: Record<string, string>): ActionResult {
      const opened = this.open(who);
      expect(opened.kind, `${who} gets the review form`).toBe("form");
      if (opened.kind !== "form") return opened;
      return h.bot.action({
        platform: "test",
        actor: h.person(who),
        action: opened.form.action,
        value: opened.form.context,
        fields,
      });
    },
  };
}
