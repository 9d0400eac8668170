import type { Member, Workstream } from "../domain/entities.ts";
import {
  chairOrder,
  type OneToOneRequest,
  type OneToOneStanding,
  oneToOneStanding,
} from "../domain/one-to-one.ts";
import { em, joinText, rich, type Text } from "../domain/rich-text.ts";
import { DAY, formatDay } from "../domain/time.ts";
import type { Core } from "../ports/core.ts";

/** A member with their one-to-one standing. */
export interface MemberStanding extends OneToOneStanding {
  member: Member;
}

/**
 * Every member's one-to-one standing (chairs and coordinators are not counted: a one-to-one is
 * between a chair and a member), in the chair's order: those who asked first, then by due date.
 * A check-in "yes" given by name after their last one-to-one counts as asking, even if it was
 * not passed on as a request.
 */
export function oneToOneStandings(core: Core, workstream: Workstream, now: Date): MemberStanding[] {
  const { oneToOnes } = core.store;
  const latest = oneToOnes.latestByMember(workstream.id);
  const joined = oneToOnes.joinedAt(workstream.id);
  const requests = new Map(oneToOnes.openRequests(workstream.id).map((r) => [r.personId, r]));
  const fromCheckIns = core.store.checkIns.oneToOneRequests(
    workstream.id,
    new Date(now.getTime() - 365 * DAY),
  );
  return core.store.members
    .list(workstream.id)
    .filter((m) => m.role === "member")
    .map((member): MemberStanding => {
      const last = latest.get(member.id);
      const asked = fromCheckIns
        .filter((r) => r.personId === member.id && (!last || r.at > last.loggedAt))
        .map(
          (r): OneToOneRequest => ({
            id: 0,
            workstreamId: workstream.id,
            personId: member.id,
            source: "checkin",
            requestedAt: r.at,
            clearedAt: null,
          }),
        )[0];
      return {
        member,
        ...oneToOneStanding({
          personId: member.id,
          joinedAt: joined.get(member.id) ?? now,
          last: last?.heldOn ?? null,
          request: requests.get(member.id) ?? asked ?? null,
          everyDays: workstream.settings["one-to-one-every-days"],
          zone: workstream.settings.timezone,
          now,
        }),
      };
    })
    .sort(chairOrder);
}

/** One line of the chair's list: "Sam asked for one on …. Last one: …. Due: …". */
export function standingLine(s: MemberStanding, zone: string): Text {
  const parts: Text[] = [[em(s.member.name)]];
  if (s.request) {
    const how = s.request.source === "checkin" ? " in a check-in" : "";
    parts.push(`asked for one${how} on ${formatDay(s.request.requestedAt, zone)}.`);
  } else parts[0] = rich`${em(s.member.name)} —`;
  parts.push(s.last ? `Last one: ${formatDay(s.last, zone)}.` : "No one-to-one yet.");
  parts.push(s.overdue ? `Was due ${formatDay(s.dueOn, zone)}.` : `Next due ${formatDay(s.dueOn, zone)}.`);
  return joinText(parts, " ");
}
