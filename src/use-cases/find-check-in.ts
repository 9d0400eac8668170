import type { CheckIn } from "../domain/check-in.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, rich } from "../domain/rich-text.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { CheckInScene } from "./check-in-messages.ts";
import { findMeeting } from "./find-meeting.ts";

/** The check-in of the named meeting, or the workstream's latest; refuses kindly when there is none. */
export function findCheckIn(
  core: Core,
  ctx: WorkstreamContext,
  idText: string,
  example: string,
): CheckInScene {
  if (idText) {
    const meeting = findMeeting(core, ctx, idText, example);
    const checkIn = core.store.checkIns.byMeeting(meeting.id);
    if (!checkIn)
      refuse(
        "checkin.none",
        rich`${formatId("meeting", meeting.seq)} has no check-in yet. It opens when the meeting ends, or with ${code(`/checkin start ${formatId("meeting", meeting.seq)}`)}.`,
      );
    return { checkIn, meeting, workstream: ctx.workstream };
  }
  const latest = core.store.checkIns.latest(ctx.workstream.id);
  const scene = latest && sceneOf(core, latest);
  if (!scene)
    refuse(
      "checkin.none",
      rich`There hasn't been a check-in here yet. It opens when a meeting ends, or with ${code("/checkin start")}.`,
    );
  return scene;
}

/** A check-in with its meeting and workstream, when both still exist. */
export function sceneOf(core: Core, checkIn: CheckIn): CheckInScene | undefined {
  const meeting = core.store.meetings.byId(checkIn.meetingId);
  const workstream = core.store.workstreams.byId(checkIn.workstreamId);
  return meeting && workstream ? { checkIn, meeting, workstream } : undefined;
}
