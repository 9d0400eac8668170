import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { PaperQuestion } from "../domain/papers.ts";
import { rich } from "../domain/rich-text.ts";
import { cleanText } from "../domain/text.ts";
import type { Form } from "../messages/message.ts";
import { message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { meetingWords } from "./papers-messages.ts";

const MAX_ANSWER = 3000;

/** The answer form's action; its context is the question's id. */
export const ANSWER_SENT = "papers.answer-sent";

/** The question behind an "Answer" button, if this person is a chair where it was asked. */
function questionFor(core: Core, actor: Person, value: string) {
  const question = core.store.papers.question(Number(value));
  const workstream = question && core.store.workstreams.byId(question.workstreamId);
  const meeting = question && core.store.meetings.byId(question.meetingId);
  const asker = question && core.store.people.byId(question.personId);
  if (!question || !workstream || !meeting || !asker)
    refuse("papers.question-gone", "Sorry, I can't find that question any more.");
  if (core.store.members.get(workstream.id, actor.id)?.role !== "chair")
    refuse("papers.not-chair", "Only the chairs can answer questions about the papers.");
  return { question, workstream, meeting, asker };
}

function alreadyAnswered(core: Core, question: PaperQuestion): ActionResult {
  const by = question.answeredBy === null ? undefined : core.store.people.byId(question.answeredBy);
  return {
    kind: "reply",
    message: message(
      `${by?.name ?? "Another chair"} has already answered this question: "${question.answer}"`,
    ),
  };
}

/** "Answer" on a question: a form that shows the question again. */
export function openAnswerForm(core: Core, actor: Person, value: string): ActionResult {
  const { question, asker } = questionFor(core, actor, value);
  if (question.answer !== null) return alreadyAnswered(core, question);
  const form: Form = {
    action: ANSWER_SENT,
    title: `Answer ${asker.name}`.slice(0, 24),
    intro: `${asker.name} asked: "${question.question}". Your answer goes only to ${asker.name}.`,
    submitLabel: "Send answer",
    context: String(question.id),
    fields: [{ kind: "text", id: "answer", label: "Your answer", multiline: true, maxLength: MAX_ANSWER }],
  };
  return { kind: "form", form };
}

/** The answer was sent: kept with the question, and passed privately to the member who asked. */
export function sendAnswer(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { question, workstream, meeting, asker } = questionFor(core, actor, value);
  const text = cleanText(fields.answer ?? "");
  if (!text) refuse("papers.answer-empty", "Please write your answer, then press Send.");
  if (text.length > MAX_ANSWER)
    refuse("papers.answer-long", `Please keep your answer under ${MAX_ANSWER} characters.`);
  const now = core.clock.now();
  const stored = core.store.transaction(() => {
    if (!core.store.papers.answerQuestion(question.id, text, actor.id, now)) return false;
    const intro = rich`Hi ${asker.name} — ${actor.name} (the chair) has answered your question about the papers for ${meetingWords(workstream, meeting, now)}.`;
    queueDirectMessage(
      core,
      workstream,
      asker,
      {
        text: intro,
        blocks: [
          { kind: "text", text: intro },
          {
            kind: "fields",
            fields: [
              { label: "You asked", value: question.question },
              { label: "The answer", value: text },
            ],
          },
          { kind: "note", text: "Only you and the chairs can see this." },
        ],
      },
      { key: `paper-answer:${question.id}` },
    );
    core.log.info({ question: question.id }, "question answered");
    return true;
  });
  if (!stored) {
    const latest = core.store.papers.question(question.id);
    return alreadyAnswered(core, latest ?? question);
  }
  return {
    kind: "update",
    message: message(`Thanks, ${actor.name} — I've sent your answer to ${asker.name}'s question privately.`, {
      kind: "fields",
      fields: [
        { label: `${asker.name} asked`, value: question.question },
        { label: "You answered", value: text },
      ],
    }),
  };
}
