import { hasAnswered } from "../../domain/check-in.ts";
import { formatId } from "../../domain/ids.ts";
import { em, rich } from "../../domain/rich-text.ts";
import { DAY, formatWhen } from "../../domain/time.ts";
import { type DigestInput, percent, type SectionBuilder } from "./section.ts";

/**
 * Open check-ins, and those that closed in the last week, with how many have answered (never
 * who said what: coordinators see check-ins only as totals).
 */
export const checkIns: SectionBuilder = {
  name: "check-ins",
  build({ core, workstream, now }: DigestInput) {
    const zone = workstream.settings.timezone;
    const weekAgo = new Date(now.getTime() - 7 * DAY);
    const open = core.store.checkIns.openIn(workstream.id);
    const recent = core.store.digestFacts
      .pastMeetings(workstream.id, now, 6)
      .map((m) => core.store.checkIns.byMeeting(m.id))
      .filter((c) => c?.closedAt && c.closedAt >= weekAgo);
    const all = [...open, ...recent].flatMap((c) => (c ? [c] : []));
    if (all.length === 0) return undefined;
    const items = all.map((c) => {
      const meeting = core.store.meetings.byId(c.meetingId);
      const rows = core.store.checkIns.answers(c.id);
      const answered = rows.filter(hasAnswered).length;
      const name = meeting ? rich`${formatId("meeting", meeting.seq)} ${em(meeting.title)}` : "A meeting";
      const state = c.closedAt ? "closed" : `open until ${formatWhen(c.closesAt, zone, now)}`;
      return rich`${name}: ${answered} of ${rows.length} answered (${percent(answered, rows.length)}), ${state}.`;
    });
    return { heading: "Check-ins", blocks: [{ kind: "list", items }] };
  },
};
