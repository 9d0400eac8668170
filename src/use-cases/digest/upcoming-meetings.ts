import { formatId } from "../../domain/ids.ts";
import { em, joinText, rich, type Text } from "../../domain/rich-text.ts";
import { DAY, formatWhen } from "../../domain/time.ts";
import type { MeetingPapersStatus } from "../../ports/papers-store.ts";
import { type DigestInput, plural, type SectionBuilder } from "./section.ts";

const AHEAD_DAYS = 14;

/**
 * Meetings in the next 14 days: who said they can come (from the day-before reminder) and the
 * state of their papers — none yet, not sent, sent late, and how many have not confirmed reading.
 */
export const upcomingMeetings: SectionBuilder = {
  name: "upcoming-meetings",
  build({ core, workstream, now }: DigestInput) {
    const until = new Date(now.getTime() + AHEAD_DAYS * DAY);
    const meetings = core.store.meetings
      .upcoming(workstream.id, now)
      .filter((m) => m.startsAt >= now && m.startsAt < until);
    if (meetings.length === 0) return undefined;
    const papers = new Map(
      core.store.papers.status(workstream.id, now, until).map((s) => [s.meetingId, s] as const),
    );
    const zone = workstream.settings.timezone;
    const items = meetings.map((m) => {
      const parts: Text[] = [
        rich`${formatId("meeting", m.seq)} ${em(m.title)}, ${formatWhen(m.startsAt, zone, now)}.`,
      ];
      const answers = core.store.digestFacts.attendance(m.id);
      const yes = answers.filter((a) => a.answer === "yes").length;
      const no = answers.length - yes;
      if (answers.length > 0) parts.push(`${yes} coming, ${no} can't come.`);
      parts.push(paperStatus(papers.get(m.id)));
      return joinText(parts, " ");
    });
    return { heading: "Meetings in the next 14 days", blocks: [{ kind: "list", items }] };
  },
};

function paperStatus(status: MeetingPapersStatus | undefined): string {
  if (!status || status.papers === 0) return "No papers yet.";
  const count = plural(status.papers, "paper");
  if (!status.sentAt) return `${count}, not sent yet.`;
  const late = status.late ? ", sent late" : "";
  const unread = status.unread ? ` ${status.unread} not read yet.` : " Everyone has read them.";
  return `${count}${late}.${unread}`;
}
