import type { Person } from "../domain/entities.ts";
import { GROUND_RULE_COUNT } from "../domain/ground-rules.ts";
import { readText } from "../domain/text.ts";
import { message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { answerableRound } from "./ask-ground-rules.ts";

/**
 * The ground-rules form was sent: each answer kept once, with the name or (anonymously) in
 * rows tied to no one. A form with nothing written in it sends nothing, so they can try again.
 */
export function sendGroundRulesAnswers(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const round = answerableRound(core, actor, value);
  const answers: Array<{ question: number; text: string }> = [];
  for (let question = 1; question <= GROUND_RULE_COUNT; question++) {
    // The chairs read these: cleaned, and refused (not cut) over the limit.
    const text = readText("comment", fields[`q${question}`] ?? "");
    if (text) answers.push({ question, text });
  }
  if (answers.length === 0) {
    return {
      kind: "reply",
      message: message(
        "You didn't write anything, so nothing was sent. You can press the button again at any time.",
      ),
    };
  }
  const anonymous = fields.share?.trim().toLowerCase() === "anonymous";
  const recorded = core.store.groundRules.answer({
    roundId: round.id,
    personId: actor.id,
    anonymous,
    answers,
    now: core.clock.now(),
  });
  // No earlier page of the journal may still show the answer being written beside the person.
  if (recorded && anonymous) core.store.flushJournal();
  if (!recorded) return { kind: "reply", message: message("You've already sent your answers. Thank you.") };
  // Ids only: which questions someone answered could tell their answers apart.
  core.log.info({ round: round.id }, "ground-rules answers recorded");
  return {
    kind: "update",
    message: message(
      `Thank you, ${actor.name}. Your answers will go to the chairs when the questions close${anonymous ? ", without your name" : ", with your name"}.`,
    ),
  };
}
