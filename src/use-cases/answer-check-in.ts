import { type CheckInAnswer, DONE, isClosed, questionAt, stepAfter } from "../domain/check-in.ts";
import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { AnswerPatch } from "../ports/checkin-store.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { type CheckInScene, checkInReader, closedMessage, questionMessage } from "./check-in-messages.ts";
import { requestOneToOne } from "./request-one-to-one.ts";

/** The check-in a button points at, and this person's answer row in it (they must be invited). */
export function loadForAnswer(
  core: Core,
  actor: Person,
  idText: string,
): { scene: CheckInScene; answer: CheckInAnswer } {
  const checkIn = core.store.checkIns.byId(Number(idText));
  const meeting = checkIn && core.store.meetings.byId(checkIn.meetingId);
  const workstream = checkIn && core.store.workstreams.byId(checkIn.workstreamId);
  const answer = checkIn && core.store.checkIns.answer(checkIn.id, actor.id);
  if (!checkIn || !meeting || !workstream || !answer)
    refuse("checkin.gone", "Sorry, I can't find that check-in. It may not have been meant for you.");
  return { scene: { checkIn, meeting, workstream }, answer };
}

/** After a stale or repeated click: what the person should see now (closed, next question, or done). */
export function currentView(
  core: Core,
  actor: Person,
  scene: CheckInScene,
  answer: CheckInAnswer,
): ActionResult {
  if (answer.step < DONE && isClosed(scene.checkIn, core.clock.now()))
    return { kind: "update", message: closedMessage() };
  const reader = checkInReader(actor, core.store.members.list(scene.workstream.id));
  return { kind: "update", message: questionMessage(scene, actor, answer, reader) };
}

/**
 * Records one answer for the question at `fromStep` and shows the next question. The store takes
 * it only while the person is still on that question, so clicking twice, an old message's
 * button, or a platform's retried delivery records one answer and just shows where they are.
 */
export function recordAnswer(
  core: Core,
  actor: Person,
  scene: CheckInScene,
  fromStep: number,
  choice: string,
  patch: AnswerPatch,
  also?: () => void,
): ActionResult {
  const now = core.clock.now();
  const { checkIn, workstream } = scene;
  let detached = false;
  const changed = core.store.transaction(() => {
    const group = core.store.members.get(workstream.id, actor.id)?.group;
    const before = core.store.checkIns.answer(checkIn.id, actor.id);
    if (!before || before.step !== fromStep || isClosed(checkIn, now)) return false;
    const toStep = stepAfter(fromStep, choice);
    const moved = core.store.checkIns.advance({
      checkInId: checkIn.id,
      personId: actor.id,
      fromStep,
      toStep,
      patch,
      group: group ?? before.group,
      now,
    });
    if (!moved) return false;
    also?.();
    // A reminder held by quiet hours is not needed any more once they have finished.
    if (toStep >= DONE) {
      core.store.outbox.dropSubject(`checkin-reminder:${checkIn.id}:${actor.id}`, "answered", now);
      // Only once they have chosen to share their name: an anonymous answer must not be
      // unmasked by a one-to-one request that names them.
      const done = core.store.checkIns.answer(checkIn.id, actor.id);
      if (done?.oneToOne === "yes" && !done.anonymous) requestOneToOne(core, workstream, actor, "checkin");
      // Anonymous means unlinkable: the answers leave the person's row for one tied to no one.
      if (done?.anonymous) detached = core.store.checkIns.detachAnonymous(checkIn.id, actor.id);
    }
    return true;
  });
  if (detached) core.store.flushJournal();
  const after = core.store.checkIns.answer(checkIn.id, actor.id);
  if (!after) refuse("checkin.gone", "Sorry, I can't find that check-in.");
  if (changed) {
    // Ids only, and no step: which questions someone skipped would tell their answers.
    core.log.info({ checkIn: checkIn.id }, "check-in answer recorded");
  }
  return currentView(core, actor, scene, after);
}

/** A check-in button: `<check-in id>:<question>:<choice>`. */
export function answerCheckIn(core: Core, actor: Person, value: string): ActionResult {
  const [idText = "", stepText = "", choice = ""] = value.split(":");
  const { scene, answer } = loadForAnswer(core, actor, idText);
  const step = Number(stepText);
  const question = questionAt(step);
  if (!question?.choices.some((c) => c.value === choice))
    refuse("checkin.bad-button", "Sorry, that button no longer works.");
  if (answer.step !== step) return currentView(core, actor, scene, answer);
  return recordAnswer(core, actor, scene, step, choice, patchFor(step, choice));
}

function patchFor(step: number, choice: string): AnswerPatch {
  switch (step) {
    case 1:
      return { attended: choice as "yes" | "no" };
    case 2:
      return { spoke: choice as "fully" | "partly" | "not-really" };
    case 3:
      return { listened: choice as "yes" | "partly" | "no" };
    case 4:
      return { comment: null };
    case 5:
      return { oneToOne: choice as "yes" | "no" };
    case 6:
      return { wantsSupport: "no" };
    default:
      return { anonymous: choice === "anonymous" };
  }
}

/** "Answer the check-in" on the reminder: shows the question they are on. */
export function resumeCheckIn(core: Core, actor: Person, value: string): ActionResult {
  const { scene, answer } = loadForAnswer(core, actor, value);
  return currentView(core, actor, scene, answer);
}
