import type { Person } from "../domain/entities.ts";
import { isSupportKind, SUPPORT_KINDS, supportKindLabel } from "../domain/support.ts";
import { readText, TEXT_LIMITS } from "../domain/text.ts";
import type { Form } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { currentView, loadForAnswer, recordAnswer } from "./answer-check-in.ts";
import { checkInReader, supportGoesTo } from "./check-in-messages.ts";
import { capitalise } from "./people.ts";
import { createSupportRequest } from "./request-support.ts";

/** "Write something" on question 4: a one-field form for the chair. */
export function openCommentForm(core: Core, actor: Person, value: string): ActionResult {
  const { scene, answer } = loadForAnswer(core, actor, value);
  if (answer.step !== 4) return currentView(core, actor, scene, answer);
  const form: Form = {
    action: "checkin.comment-sent",
    title: "A note for the chair",
    intro:
      "Only the chair will see this. If you answer anonymously at the end, it is shown without your name.",
    submitLabel: "Next",
    context: value,
    fields: [
      {
        kind: "text",
        id: "comment",
        label: "Anything you would like the chair to know?",
        multiline: true,
        optional: true,
        maxLength: TEXT_LIMITS.comment,
      },
    ],
  };
  return { kind: "form", form };
}

/** The comment form was sent: keep the note (a blank one counts as "nothing to add"). */
export function sendComment(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { scene } = loadForAnswer(core, actor, value);
  // The chair reads it: cleaned of control characters, and refused (not cut) over the limit.
  const comment = readText("comment", fields.comment ?? "") || null;
  return recordAnswer(core, actor, scene, 4, "comment", { comment });
}

/** "Yes, ask for support" on question 6: what kind, and what would help. */
export function openSupportForm(core: Core, actor: Person, value: string): ActionResult {
  const { scene, answer } = loadForAnswer(core, actor, value);
  if (answer.step !== 6) return currentView(core, actor, scene, answer);
  const form: Form = {
    action: "checkin.support-sent",
    title: "Ask for support",
    intro: supportGoesTo(checkInReader(actor, core.store.members.list(scene.workstream.id))),
    submitLabel: "Send",
    context: value,
    fields: [
      {
        kind: "choice",
        id: "kind",
        label: "What kind of support?",
        options: SUPPORT_KINDS.map((k) => ({ value: k, label: capitalise(supportKindLabel(k)) })),
      },
      {
        kind: "text",
        id: "need",
        label: "What would help?",
        multiline: true,
        maxLength: TEXT_LIMITS.support,
      },
    ],
  };
  return { kind: "form", form };
}

/**
 * The support form was sent: the request goes to the coordinators at once. It is made in the
 * same transaction as the answer, so a resubmitted form makes one request.
 */
export function sendSupport(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { scene } = loadForAnswer(core, actor, value);
  const kindText = fields.kind?.trim().toLowerCase() ?? "";
  const kind = isSupportKind(kindText) ? kindText : "other";
  const need =
    readText("support", fields.need ?? "") || "(no details given: please ask them what would help)";
  return recordAnswer(core, actor, scene, 6, "support", { wantsSupport: "yes" }, () => {
    createSupportRequest(core, scene.workstream, actor, {
      kind,
      need,
      source: "checkin",
      checkInId: scene.checkIn.id,
    });
  });
}
