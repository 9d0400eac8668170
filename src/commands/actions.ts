import type { Person } from "../domain/entities.ts";
import { UserFacingError } from "../domain/errors.ts";
import { code, rich } from "../domain/rich-text.ts";
import { message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "../use-cases/action-result.ts";
import { AGENDA_ACTIONS } from "../use-cases/agenda-messages.ts";
import { answerCheckIn, resumeCheckIn } from "../use-cases/answer-check-in.ts";
import { sendGroundRulesAnswers } from "../use-cases/answer-ground-rules.ts";
import { openAnswerForm, sendAnswer } from "../use-cases/answer-question.ts";
import { openReviewForm, sendReview } from "../use-cases/answer-review.ts";
import { askChairQuestion, sendChairQuestion } from "../use-cases/ask-chair-question.ts";
import { GROUND_RULES_ACTIONS, openGroundRulesForm } from "../use-cases/ask-ground-rules.ts";
import { openCommentForm, openSupportForm, sendComment, sendSupport } from "../use-cases/check-in-forms.ts";
import {
  CLOSE_ACTIONS,
  cancelCloseWorkstream,
  closedSentence,
  confirmCloseWorkstream,
} from "../use-cases/close-workstream.ts";
import { confirmDissent } from "../use-cases/confirm-dissent.ts";
import { confirmReading } from "../use-cases/confirm-reading.ts";
import { askDissentEdit, saveDissentEdit } from "../use-cases/edit-dissent.ts";
import { askApologies, confirmAttending, sendApologies } from "../use-cases/record-attendance.ts";
import { askOtherFormat, sendFormatRequest } from "../use-cases/request-other-format.ts";
import { REVIEW_ACTIONS } from "../use-cases/review-messages.ts";
import { acceptSuggestion, declineSuggestion, sendDecline } from "../use-cases/suggest-agenda-item.ts";
import { requestOneToOneButton, WELCOME_ONE_TO_ONE } from "../use-cases/welcome-message.ts";
import { withdrawDissentButton } from "../use-cases/withdraw-dissent.ts";

type ActionHandler = (
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
) => ActionResult;

/** The workstream a button's value points at; undefined when that record is gone. */
type WorkstreamOf = (core: Core, value: string) => number | undefined;

const ofMeeting: WorkstreamOf = (core, value) => core.store.meetings.byId(Number(value))?.workstreamId;
const ofQuestion: WorkstreamOf = (core, value) => core.store.papers.question(Number(value))?.workstreamId;
const ofDissent: WorkstreamOf = (core, value) => core.store.dissent.byId(Number(value))?.workstreamId;
const ofReview: WorkstreamOf = (core, value) => core.store.reviews.byId(Number(value))?.workstreamId;
const ofAgenda: WorkstreamOf = (core, value) => core.store.agenda.byId(Number(value))?.workstreamId;
const ofRound: WorkstreamOf = (core, value) => core.store.groundRules.roundById(Number(value))?.workstreamId;
/** The value is the workstream's own id (closing it, the welcome's one-to-one offer). */
const ofWorkstream: WorkstreamOf = (core, value) => core.store.workstreams.byId(Number(value))?.id;
/** Check-in values are `<check-in id>` or `<check-in id>:<question>:<choice>`. */
const ofCheckIn: WorkstreamOf = (core, value) =>
  core.store.checkIns.byId(Number(value.split(":")[0]))?.workstreamId;

/**
 * Button and form handlers by the `action` name our messages carry, each with the workstream
 * its value belongs to: every action must say, so the membership check below covers them all.
 */
const ACTIONS: Record<
  string,
  {
    run: ActionHandler;
    workstreamOf: WorkstreamOf;
    /** Still works once the workstream is closed (the final evaluation's answers); default no. */
    whenClosed?: boolean;
  }
> = {
  "meeting.attending": { run: confirmAttending, workstreamOf: ofMeeting },
  "meeting.apologies": { run: askApologies, workstreamOf: ofMeeting },
  "meeting.apologies-sent": { run: sendApologies, workstreamOf: ofMeeting },
  "papers.read": { run: confirmReading, workstreamOf: ofMeeting },
  "papers.question": { run: askChairQuestion, workstreamOf: ofMeeting },
  "papers.question-sent": { run: sendChairQuestion, workstreamOf: ofMeeting },
  "papers.answer": { run: openAnswerForm, workstreamOf: ofQuestion },
  "papers.answer-sent": { run: sendAnswer, workstreamOf: ofQuestion },
  "papers.format": { run: askOtherFormat, workstreamOf: ofMeeting },
  "papers.format-sent": { run: sendFormatRequest, workstreamOf: ofMeeting },
  "checkin.answer": { run: answerCheckIn, workstreamOf: ofCheckIn },
  "checkin.resume": { run: resumeCheckIn, workstreamOf: ofCheckIn },
  "checkin.comment": { run: openCommentForm, workstreamOf: ofCheckIn },
  "checkin.comment-sent": { run: sendComment, workstreamOf: ofCheckIn },
  "checkin.support": { run: openSupportForm, workstreamOf: ofCheckIn },
  "checkin.support-sent": { run: sendSupport, workstreamOf: ofCheckIn },
  "dissent.confirm": { run: confirmDissent, workstreamOf: ofDissent },
  "dissent.edit": { run: askDissentEdit, workstreamOf: ofDissent },
  "dissent.edited": { run: saveDissentEdit, workstreamOf: ofDissent },
  "dissent.withdraw": { run: withdrawDissentButton, workstreamOf: ofDissent },
  [AGENDA_ACTIONS.accept]: { run: acceptSuggestion, workstreamOf: ofAgenda },
  [AGENDA_ACTIONS.decline]: { run: declineSuggestion, workstreamOf: ofAgenda },
  [AGENDA_ACTIONS.declined]: { run: sendDecline, workstreamOf: ofAgenda },
  [GROUND_RULES_ACTIONS.answer]: { run: openGroundRulesForm, workstreamOf: ofRound },
  [GROUND_RULES_ACTIONS.sent]: { run: sendGroundRulesAnswers, workstreamOf: ofRound },
  [WELCOME_ONE_TO_ONE]: { run: requestOneToOneButton, workstreamOf: ofWorkstream },
  [CLOSE_ACTIONS.confirm]: { run: confirmCloseWorkstream, workstreamOf: ofWorkstream },
  [CLOSE_ACTIONS.cancel]: { run: cancelCloseWorkstream, workstreamOf: ofWorkstream },
  // The final evaluation is answered after the workstream closes.
  [REVIEW_ACTIONS.open]: { run: openReviewForm, workstreamOf: ofReview, whenClosed: true },
  [REVIEW_ACTIONS.send]: { run: sendReview, workstreamOf: ofReview, whenClosed: true },
};

/** What someone removed from a workstream is told when they use a message they had from it. */
export const NO_LONGER_A_MEMBER =
  "You're no longer in this workstream, so this button doesn't work any more.";

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
  const spec = ACTIONS[inbound.action];
  if (!spec) {
    core.log.warn({ action: inbound.action, platform: inbound.platform }, "unknown action");
    return {
      kind: "reply",
      message: message(
        rich`Sorry, that button no longer works. Type ${code("/help")} to see what you can do.`,
      ),
    };
  }
  const actor = core.store.people.upsert(inbound.actor);
  try {
    // Removal is final: an old message's buttons and forms stop working for someone no longer
    // in its workstream (PRODUCT.md §15), before any handler can write or queue anything.
    const workstreamId = spec.workstreamOf(core, inbound.value);
    if (workstreamId !== undefined && !core.store.members.get(workstreamId, actor.id)) {
      core.log.info({ action: inbound.action, person: actor.id }, "refused an action from a non-member");
      return { kind: "reply", message: message(NO_LONGER_A_MEMBER) };
    }
    // A closed workstream is read-only: every button on its old messages would change something.
    const workstream = workstreamId === undefined ? undefined : core.store.workstreams.byId(workstreamId);
    if (workstream?.closedAt && !spec.whenClosed) {
      return { kind: "reply", message: message(closedSentence(workstream)) };
    }
    return spec.run(core, actor, inbound.value, inbound.fields ?? {});
  } catch (error) {
    if (error instanceof UserFacingError) return { kind: "reply", message: message(error.sentence) };
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
