import type { CheckIn } from "../../domain/check-in.ts";
import { hasAnswered } from "../../domain/check-in.ts";
import type { Member, Workstream } from "../../domain/entities.ts";
import type { Core } from "../../ports/core.ts";
import { nameList } from "../people.ts";
import type { DigestInput, SectionBuilder } from "./section.ts";

/**
 * The members who may be drifting away, by reason (see dropOff below). The programme figures count
 * them; only the workstream's own coordinators ever see who they are.
 */
export function drifting(
  core: Core,
  workstream: Workstream,
  members: Member[],
  now: Date,
): { missedMeetings: Member[]; silent: Member[] } {
  const facts = core.store.digestFacts;
  const joined = core.store.oneToOnes.joinedAt(workstream.id);
  const people = members.filter((m) => m.role === "member");
  const past = facts.pastMeetings(workstream.id, now, 12);
  const lastTwo = past.slice(0, 2);
  const missedMeetings =
    lastTwo.length < 2
      ? []
      : people.filter((m) =>
          lastTwo.every((meeting) => {
            const since = joined.get(m.id);
            if (since && since > meeting.startsAt) return false;
            return facts.attendance(meeting.id).some((a) => a.personId === m.id && a.answer === "no");
          }),
        );
  const closed = past
    .map((m) => core.store.checkIns.byMeeting(m.id))
    .filter((c): c is CheckIn => c?.closedAt !== null && c?.closedAt !== undefined)
    .slice(0, 2);
  const silent =
    closed.length < 2
      ? []
      : people.filter((m) =>
          closed.every((c) => {
            const row = core.store.checkIns.answer(c.id, m.id);
            return row !== undefined && !hasAnswered(row);
          }),
        );
  return { missedMeetings, silent };
}

/**
 * Members who may be drifting away: they said "I can't make it" to each of the last two
 * meetings, or did not answer either of the last two check-ins they were sent. Only meetings
 * after they joined count. Attendance comes from the day-before reminder, not from check-in
 * answers, which coordinators only ever see as totals.
 */
export const dropOff: SectionBuilder = {
  name: "drop-off",
  build({ core, workstream, members, now }: DigestInput) {
    const { missedMeetings, silent } = drifting(core, workstream, members, now);
    const blocks = [];
    if (missedMeetings.length > 0) {
      blocks.push(
        `Said they couldn't come to the last two meetings: ${nameList(missedMeetings.map((m) => m.name))}.`,
      );
    }
    if (silent.length > 0) {
      blocks.push(`Didn't answer the last two check-ins: ${nameList(silent.map((m) => m.name))}.`);
    }
    if (blocks.length === 0) return undefined;
    return {
      heading: "Members you may want to check on",
      blocks: [
        { kind: "list", items: blocks },
        { kind: "note", text: "A kind word from you may help. They are never named in the channel." },
      ],
    };
  },
};
