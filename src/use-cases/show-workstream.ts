import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { GROUPS, groupLabel, isOrganiser } from "../domain/roles.ts";
import { formatDay, formatWhen } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { capitalise, chairsOf, coordinatorsOf, nameList } from "./people.ts";

/** `/workstream`: who is in it, the next meeting, and its settings. */
export function showWorkstream(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const members = core.store.members.list(workstream.id);
  const next = core.store.meetings.upcoming(workstream.id, now)[0];
  const byGroup = GROUPS.map((g) => ({
    g,
    names: members.filter((m) => m.group === g).map((m) => m.name),
  })).filter((x) => x.names.length > 0);
  const settings = Object.entries(workstream.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(" · ");
  const closed = workstream.closedAt
    ? rich`${em(workstream.name)} closed on ${formatDay(workstream.closedAt, zone, now)}. Its records are kept and can still be looked at.`
    : undefined;
  return {
    text:
      closed ??
      rich`${em(workstream.name)} has ${members.length} ${members.length === 1 ? "member" : "members"}.`,
    blocks: [
      { kind: "heading", text: workstream.name },
      ...(closed ? [{ kind: "text" as const, text: closed }] : []),
      {
        kind: "fields",
        fields: [
          { label: "Chairs", value: nameList(chairsOf(members).map((m) => m.name)) || "none yet" },
          {
            label: "Coordinators",
            value: nameList(coordinatorsOf(members).map((m) => m.name)) || "none yet",
          },
          {
            label: "Next meeting",
            value: next
              ? `${formatId("meeting", next.seq)} ${next.title}, ${formatWhen(next.startsAt, zone, now)}`
              : "none booked",
          },
        ],
      },
      { kind: "text", text: [em("Members by group")] },
      {
        kind: "list",
        items: byGroup.map(({ g, names }) => `${capitalise(groupLabel(g))}: ${names.join(", ")}`),
      },
      // The settings' names are for the people who change them, not for every member.
      ...(isOrganiser(ctx.member?.role)
        ? [
            {
              kind: "note" as const,
              text: closed
                ? rich`Settings: ${settings}.`
                : rich`Settings: ${settings}. Change one with ${code("/workstream set <setting> <value>")}.`,
            },
          ]
        : []),
    ],
  };
}
