import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { code, rich } from "../domain/rich-text.ts";
import { cleanText } from "../domain/text.ts";
import type { Form } from "../messages/message.ts";
import { message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { papersMeetingFor } from "./papers-action-meeting.ts";
import { chairsToAsk, chairWords, meetingWords } from "./papers-messages.ts";
import { chairsOf } from "./people.ts";

const MAX_QUESTION = 1500;

/** The form's action; its context is the meeting's id. */
export const QUESTION_SENT = "papers.question-sent";
/** The chairs' button; its value is the question's id. */
export const ANSWER_QUESTION = "papers.answer";

/** "Question for the chair": a short form. Only the chairs will see the question. */
export function askChairQuestion(core: Core, actor: Person, value: string): ActionResult {
  const { meeting, workstream } = papersMeetingFor(core, actor, value);
  const members = core.store.members.list(workstream.id);
  // A chair asks the other chairs, never themselves.
  const others = members.filter((m) => m.id !== actor.id);
  if (chairsToAsk(actor, members).length === 0)
    refuse(
      "papers.no-chair",
      chairsOf(members).length > 0
        ? "You're the only chair here, so there is nobody else to send a question to."
        : rich`This workstream has no chair yet, so there is nobody to send a question to. A coordinator can name one with ${code("/workstream role @name chair")}.`,
    );
  const form: Form = {
    action: QUESTION_SENT,
    title: "Question for the chair",
    intro: `Ask ${chairWords(others)} anything about the papers for ${meeting.title}. Only the chairs will see your question and your name; the answer comes back to you privately.`,
    submitLabel: "Send to the chair",
    context: String(meeting.id),
    fields: [
      { kind: "text", id: "question", label: "Your question", multiline: true, maxLength: MAX_QUESTION },
    ],
  };
  return { kind: "form", form };
}

/**
 * The question form was sent: kept, and passed privately to each chair with an "Answer" button.
 * Coordinators and other members never see it (PRODUCT.md §6).
 */
export function sendChairQuestion(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { meeting, workstream } = papersMeetingFor(core, actor, value);
  const text = cleanText(fields.question ?? "");
  if (!text) refuse("papers.question-empty", "Please write your question, then press Send.");
  if (text.length > MAX_QUESTION)
    refuse("papers.question-long", `Please keep your question under ${MAX_QUESTION} characters.`);
  const members = core.store.members.list(workstream.id);
  const chairs = chairsToAsk(actor, members);
  if (chairs.length === 0)
    refuse("papers.no-chair", "This workstream has no chair yet, so there is nobody to send a question to.");
  const now = core.clock.now();
  core.store.transaction(() => {
    const question = core.store.papers.addQuestion({
      workstreamId: workstream.id,
      meetingId: meeting.id,
      personId: actor.id,
      question: text,
      now,
    });
    for (const chair of chairs) {
      const intro = rich`Hi ${chair.name} — ${actor.name} has a question about the papers for ${meetingWords(workstream, meeting, now)}:`;
      queueDirectMessage(
        core,
        workstream,
        chair,
        {
          text: intro,
          blocks: [
            { kind: "text", text: intro },
            { kind: "text", text: `"${text}"` },
            { kind: "note", text: `Only the chairs see this. Your answer goes privately to ${actor.name}.` },
            {
              kind: "buttons",
              buttons: [
                { action: ANSWER_QUESTION, label: "Answer", value: String(question.id), style: "primary" },
              ],
            },
          ],
        },
        // No subject: a question already asked should reach the chair even if the meeting is cancelled.
        { key: `paper-question:${question.id}:${chair.id}`, audience: "chair" },
      );
    }
    core.log.info({ meeting: meeting.id, question: question.id }, "question for the chair");
  });
  return {
    kind: "reply",
    message: message(
      `Thanks, ${actor.name} — I've sent your question to ${chairWords(members.filter((m) => m.id !== actor.id))}. Only the chairs will see it, and their answer will come to you here.`,
    ),
  };
}
