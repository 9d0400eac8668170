import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { Core } from "../ports/core.ts";

/**
 * The meeting a papers button points at (its value is the meeting's id), if this person is a
 * member of its workstream. A cancelled or ended meeting has nothing more to do: that is what
 * makes cancelling a meeting stop the papers flow even for messages already delivered.
 */
export function papersMeetingFor(
  core: Core,
  actor: Person,
  value: string,
): { meeting: Meeting; workstream: Workstream; member: Member } {
  const meeting = core.store.meetings.byId(Number(value));
  const workstream = meeting && core.store.workstreams.byId(meeting.workstreamId);
  const member = workstream && core.store.members.get(workstream.id, actor.id);
  if (!meeting || !workstream || !member) refuse("papers.gone", "Sorry, I can't find that meeting any more.");
  if (meeting.status !== "scheduled")
    refuse("papers.meeting-closed", `That meeting is ${meeting.status}, so there is nothing more to do.`);
  return { meeting, workstream, member };
}
