import type { Meeting, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import { afterQuietHours, formatWhen, HOUR } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { type CheckInScene, checkInReader, questionMessage } from "./check-in-messages.ts";
import { currentMeeting, findMeeting } from "./find-meeting.ts";

/**
 * Opens a meeting's check-in and queues it, privately, to every member except the chairs (who
 * get the summary instead). Runs inside the caller's transaction; opening twice is harmless:
 * the check-in is unique per meeting and each message has its own outbox key.
 */
export function openCheckIn(
  core: Core,
  workstream: Workstream,
  meeting: Meeting,
  now: Date,
): { scene: CheckInScene; created: boolean; invited: number } {
  const settings = workstream.settings;
  // Counted from when members actually get it: a meeting that ends on a Friday evening must
  // not have its reminder arrive with the check-in on Monday morning, nor close before then.
  const delivered = afterQuietHours(now, settings).getTime();
  const { checkIn, created } = core.store.checkIns.open({
    meetingId: meeting.id,
    workstreamId: workstream.id,
    openedAt: now,
    remindAt: new Date(delivered + settings["checkin-reminder-hours"] * HOUR),
    closesAt: new Date(delivered + settings["checkin-close-hours"] * HOUR),
  });
  const scene = { checkIn, meeting, workstream };
  if (!created) return { scene, created, invited: 0 };
  let invited = 0;
  const members = core.store.members.list(workstream.id);
  for (const member of members) {
    if (member.role === "chair") continue;
    core.store.checkIns.invite({ checkInId: checkIn.id, personId: member.id, group: member.group, now });
    const answer = core.store.checkIns.answer(checkIn.id, member.id);
    if (!answer) continue;
    queueDirectMessage(
      core,
      workstream,
      member,
      questionMessage(scene, member, answer, checkInReader(member, members)),
      {
        key: `checkin:${checkIn.id}:${member.id}`,
        subject: `checkin:${checkIn.id}`,
        expiresAt: checkIn.closesAt,
      },
    );
    invited++;
  }
  core.log.info(
    { workstream: workstream.id, meeting: meeting.id, checkIn: checkIn.id, invited },
    "check-in opened",
  );
  return { scene, created, invited };
}

/** `/checkin start [<M-n>]`: the chair opens the check-in now, without waiting for the end time. */
export function startCheckIn(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const now = core.clock.now();
  const zone = ctx.workstream.settings.timezone;
  const result = core.store.transaction(() => {
    const meeting = idText ? findMeeting(core, ctx, idText, "/checkin start M-3") : currentMeeting(core, ctx);
    if (!meeting)
      refuse(
        "checkin.no-meeting",
        rich`No meeting is on just now. Name one, for example ${code("/checkin start M-3")}.`,
      );
    const id = formatId("meeting", meeting.seq);
    if (meeting.status === "cancelled")
      refuse("checkin.cancelled", `${id} was cancelled, so there is no check-in.`);
    if (meeting.startsAt.getTime() > now.getTime())
      refuse("checkin.not-started", `${id} hasn't started yet. You can open its check-in once it has.`);
    const existing = core.store.checkIns.byMeeting(meeting.id);
    if (existing)
      refuse(
        "checkin.already-open",
        rich`The check-in for ${id} is already ${existing.closedAt ? "closed" : "open"}. See who has answered with ${code(`/checkin status ${id}`)}.`,
      );
    return { id, ...openCheckIn(core, ctx.workstream, meeting, now) };
  });
  return openedReply(result.id, result.invited, result.scene, zone);
}

/** What the chair is told when a check-in opens (also after `/meeting end`). */
export function openedReply(id: string, invited: number, scene: CheckInScene, zone: string): Message {
  const { checkIn } = scene;
  const reminder =
    checkIn.remindAt.getTime() < checkIn.closesAt.getTime()
      ? ` I'll remind anyone who hasn't answered on ${formatWhen(checkIn.remindAt, zone)}, privately.`
      : "";
  return message(
    `The check-in for ${id} is open: I've sent it privately to ${invited} ${invited === 1 ? "member" : "members"}.${reminder}`,
    {
      kind: "note",
      text: rich`It closes on ${formatWhen(checkIn.closesAt, zone)}, and then you'll get the summary. ${code("/checkin status")} shows who has answered (never what).`,
    },
  );
}
