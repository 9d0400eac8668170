import type { Person } from "../domain/entities.ts";
import { UserFacingError } from "../domain/errors.ts";
import { message } from "../messages/message.ts";
import type { ActionResult } from "../use-cases/action-result.ts";
import { answerCheckIn, resumeCheckIn } from "../use-cases/answer-check-in.ts";
import { openAnswerForm, sendAnswer } from "../use-cases/answer-question.ts";
import { askChairQuestion, sendChairQuestion } from "../use-cases/ask-chair-question.ts";
import { openCommentForm, openSupportForm, sendComment, sendSupport } from "../use-cases/check-in-forms.ts";
import { confirmDissent } from "../use-cases/confirm-dissent.ts";
import { confirmReading } from "../use-cases/confirm-reading.ts";
import type { Core } from "../use-cases/core.ts";
import { askDissentEdit, saveDissentEdit } from "../use-cases/edit-dissent.ts";
import { askApologies, confirmAttending, sendApologies } from "../use-cases/record-attendance.ts";
import { askOtherFormat, sendFormatRequest } from "../use-cases/request-other-format.ts";
import { withdrawDissentButton } from "../use-cases/withdraw-dissent.ts";

type ActionHandler = (
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
) => ActionResult;

/** Button and form handlers by the `action` name our messages carry. */
const ACTIONS: Record<string, ActionHandler> = {
  "meeting.attending": confirmAttending,
  "meeting.apologies": askApologies,
  "meeting.apologies-sent": sendApologies,
  "papers.read": confirmReading,
  "papers.question": askChairQuestion,
  "papers.question-sent": sendChairQuestion,
  "papers.answer": openAnswerForm,
  "papers.answer-sent": sendAnswer,
  "papers.format": askOtherFormat,
  "papers.format-sent": sendFormatRequest,
  "checkin.answer": answerCheckIn,
  "checkin.resume": resumeCheckIn,
  "checkin.comment": openCommentForm,
  "checkin.comment-sent": sendComment,
  "checkin.support": openSupportForm,
  "checkin.support-sent": sendSupport,
  "dissent.confirm": confirmDissent,
  "dissent.edit": askDissentEdit,
  "dissent.edited": saveDissentEdit,
  "dissent.withdraw": withdrawDissentButton,
};

/** A click or form submission as it arrived from a platform. */
export interface InboundAction {
  platform: string;
  actor: { key: string; name: string; dm: string };
  action: string;
  /** The button's value, or the form's context. */
  value: string;
  /** Form answers by field id (empty for a button). */
  fields?: Record<string, string>;
}

/** Runs a button or form handler; refusals become a private reply, never a crash. */
export function handleAction(core: Core, inbound: InboundAction): ActionResult {
  const handler = ACTIONS[inbound.action];
  if (!handler) {
    core.log.warn({ action: inbound.action, platform: inbound.platform }, "unknown action");
    return {
      kind: "reply",
      message: message("Sorry, that button no longer works. Type `/help` to see what you can do."),
    };
  }
  const actor = core.store.people.upsert(inbound.actor);
  try {
    return handler(core, actor, inbound.value, inbound.fields ?? {});
  } catch (error) {
    if (error instanceof UserFacingError) return { kind: "reply", message: message(error.userMessage) };
    core.log.error(
      // The error's name only: its message may quote what someone wrote.
      { action: inbound.action, err: error instanceof Error ? error.name : "unknown" },
      "action failed",
    );
    return {
      kind: "reply",
      message: message("Sorry, something went wrong on my side. Please try again in a minute."),
    };
  }
}
