import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { closeCheckIn } from "./close-check-in.ts";
import { startFinalEvaluation } from "./final-evaluation.ts";
import { nameList } from "./people.ts";
import { closeGroundRulesRound } from "./summarise-ground-rules.ts";

/** The confirm and cancel buttons; the value is the workstream's id. */
export const CLOSE_ACTIONS = { confirm: "workstream.close", cancel: "workstream.close-cancel" } as const;

/** What every command or button that would change a closed workstream answers. */
export function closedSentence(workstream: Workstream): Text {
  const when = workstream.closedAt
    ? ` on ${formatDay(workstream.closedAt, workstream.settings.timezone)}`
    : "";
  return rich`${workstream.name} was closed${when}, so nothing in it can be changed now. Everything in it is kept: you can still look at its records, for example with ${code("/dissent list")} or ${code("/parked")}.`;
}

/** `/workstream close` (coordinator): nothing happens until they press "Yes, close it". */
export function askToCloseWorkstream(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const booked = core.store.meetings.upcoming(workstream.id, core.clock.now()).length;
  const meetings =
    booked === 0
      ? ""
      : ` The ${booked === 1 ? "meeting" : `${booked} meetings`} still booked will be cancelled.`;
  return message(
    rich`Close ${em(workstream.name)}? It will become read-only: no more reminders, check-ins or digests.${meetings}`,
    {
      kind: "text",
      text: "Every record is kept and can still be listed, and members get the final evaluation. I'll post a note in the channel. This can't be undone.",
    },
    {
      kind: "buttons",
      buttons: [
        {
          action: CLOSE_ACTIONS.confirm,
          label: "Yes, close it",
          value: String(workstream.id),
          style: "danger",
        },
        { action: CLOSE_ACTIONS.cancel, label: "No, keep it open", value: String(workstream.id) },
      ],
    },
  );
}

/** "No, keep it open". */
export function cancelCloseWorkstream(core: Core, _actor: Person, value: string): ActionResult {
  const workstream = core.store.workstreams.byId(Number(value));
  return {
    kind: "update",
    message: message(
      workstream ? rich`${em(workstream.name)} stays open. Nothing was changed.` : "Nothing was changed.",
    ),
  };
}

/**
 * "Yes, close it": the workstream becomes read-only. Meetings still to come are cancelled
 * (their waiting reminders dropped), an open check-in or ground-rules round closes now so the
 * chairs get its summary, the channel is told, and the final evaluation goes out.
 */
export function confirmCloseWorkstream(core: Core, actor: Person, value: string): ActionResult {
  const now = core.clock.now();
  const result = core.store.transaction(() => {
    const workstream = core.store.workstreams.byId(Number(value));
    if (!workstream) refuse("workstream.none", "Sorry, I can't find that workstream any more.");
    if (core.store.members.get(workstream.id, actor.id)?.role !== "coordinator") {
      refuse("permission.denied", "Only a coordinator can close a workstream.");
    }
    if (!core.store.workstreams.close(workstream.id, now))
      refuse("workstream.closed", closedSentence(workstream));
    const cancelled: string[] = [];
    for (const meeting of core.store.meetings.upcoming(workstream.id, now)) {
      if (meeting.startsAt.getTime() <= now.getTime()) continue; // in progress: it ends as booked
      core.store.meetings.setStatus(meeting.id, "cancelled", now);
      core.store.outbox.dropSubject(`meeting:${meeting.id}`, "workstream closed", now);
      cancelled.push(formatId("meeting", meeting.seq));
    }
    for (const checkIn of core.store.checkIns.openIn(workstream.id)) {
      for (const answer of core.store.checkIns.answers(checkIn.id)) {
        core.store.outbox.dropSubject(
          `checkin-reminder:${checkIn.id}:${answer.personId}`,
          "workstream closed",
          now,
        );
      }
      core.store.outbox.dropSubject(`checkin:${checkIn.id}`, "workstream closed", now);
      closeCheckIn(core, checkIn, now);
    }
    const round = core.store.groundRules.openRoundIn(workstream.id);
    if (round) {
      // Questions still held by quiet hours would only meet a closed workstream.
      core.store.outbox.dropSubject(`groundrules:${round.id}`, "workstream closed", now);
      closeGroundRulesRound(core, round, now);
    }
    dropWaitingReviewMessages(core, workstream.id, now);
    queueChannelPost(
      core,
      workstream,
      message(
        rich`${em(workstream.name)} has now closed. Thank you, everyone, for all you have put into it.`,
        {
          kind: "text",
          text: "Everything the group recorded is kept and can still be looked at, but nothing new will be added and there will be no more reminders.",
        },
        ...(cancelled.length > 0
          ? [
              {
                kind: "text" as const,
                text: `The meetings still booked (${nameList(cancelled)}) will not go ahead.`,
              },
            ]
          : []),
        { kind: "note", text: `Closed by ${actor.name}.` },
      ),
      { key: `workstream-closed:${workstream.id}` },
    );
    const evaluations = startFinalEvaluation(core, { ...workstream, closedAt: now }, now);
    return { workstream, cancelled, evaluations };
  });
  core.log.info(
    { workstream: result.workstream.id, cancelled: result.cancelled.length, evaluations: result.evaluations },
    "workstream closed",
  );
  return {
    kind: "update",
    message: message(
      rich`${em(result.workstream.name)} is closed. I've posted a note in the channel.`,
      ...(result.cancelled.length > 0
        ? [
            {
              kind: "text" as const,
              text: `Cancelled the meetings still booked: ${nameList(result.cancelled)}.`,
            },
          ]
        : []),
      {
        kind: "note",
        text: rich`Its records are all kept: ${code("/dissent list")}, ${code("/parked")} and ${code("/meeting list")} still work.`,
      },
    ),
  };
}

/**
 * A review still open closes with the workstream (its summary goes out): its invitations and
 * its one reminder, if quiet hours still hold them, are not sent afterwards.
 */
function dropWaitingReviewMessages(core: Core, workstreamId: number, now: Date): void {
  for (const review of core.store.reviews.list(workstreamId)) {
    if (review.closedAt !== null || review.kind === "final") continue;
    core.store.outbox.dropSubject(`review:${review.id}`, "workstream closed", now);
    for (const invite of core.store.reviews.invites(review.id))
      core.store.outbox.dropSubject(
        `review-reminder:${review.id}:${invite.personId}`,
        "workstream closed",
        now,
      );
  }
}
