import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { refreshAgendasWithDecisions } from "./decision-record.ts";
import { alreadyClosed, findMeeting } from "./find-meeting.ts";

/** `/meeting cancel <M-n>`: tells every member, and drops everything still waiting about it. */
export function cancelMeeting(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const result = core.store.transaction(() => {
    const meeting = findMeeting(core, ctx, idText, "/meeting cancel M-3");
    const id = formatId("meeting", meeting.seq);
    if (meeting.status !== "scheduled") refuse("meeting.not-scheduled", alreadyClosed(id, meeting));
    if (core.store.checkIns.byMeeting(meeting.id))
      refuse(
        "meeting.check-in-open",
        rich`The check-in for ${id} has already started, so the meeting can't be cancelled now. To close it, the chair can type ${code(`/meeting end ${id}`)}.`,
      );
    const decisions = core.store.decisions.broughtToMeeting(meeting.id);
    core.store.meetings.setStatus(meeting.id, "cancelled", now);
    // Decisions made outside a meeting that it was to bring to the group move to the next one.
    refreshAgendasWithDecisions(core, workstream, decisions);
    const dropped = core.store.outbox.dropSubject(`meeting:${meeting.id}`, "meeting cancelled", now);
    const when = formatWhen(meeting.startsAt, zone, now);
    for (const member of core.store.members.list(workstream.id)) {
      if (member.id === ctx.actor.id) continue;
      queueDirectMessage(
        core,
        workstream,
        member,
        message(
          rich`Hi ${member.name} — the ${em(workstream.name)} meeting on ${when} (${meeting.title}) has been cancelled. There is nothing you need to do.`,
        ),
        { key: `meeting-cancelled:${meeting.id}:${member.id}`, expiresAt: meeting.startsAt },
      );
    }
    core.log.info({ workstream: workstream.id, meeting: meeting.id, dropped }, "meeting cancelled");
    return { id, when };
  });
  return message(
    `${result.id} on ${result.when} is cancelled. I'm letting every member know, and its reminders won't be sent.`,
  );
}
