import type { Meeting, Member, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import { placeBlocks } from "./meeting-details.ts";
import { nameList } from "./people.ts";
import { apologiesGoTo } from "./record-attendance.ts";

/**
 * "Letting the chair know helps them plan" — but a chair is not asked to let the chair know:
 * they are told who hears if they can't come (the other chairs, or the coordinators).
 */
function canYouCome(person: Member, members: Member[]): string {
  if (person.role !== "chair") return "Can you come? Letting the chair know helps them plan.";
  const names = nameList(apologiesGoTo(person, members).map((m) => m.name));
  return names
    ? `Can you come? If not, press "I can't make it" and I'll let ${names} know.`
    : "Can you come?";
}

/** The day-before reminder to one member (built again when a waiting one must change). */
export function dayBeforeReminder(
  workstream: Workstream,
  meeting: Meeting,
  person: Member,
  members: Member[],
): Message {
  const zone = workstream.settings.timezone;
  const id = formatId("meeting", meeting.seq);
  // The full date, not "tomorrow": quiet hours may hold this message into the meeting's own day.
  const text = rich`Hi ${person.name} — a reminder that ${em(meeting.title)} (${id}) is on ${formatWhen(meeting.startsAt, zone)}.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      ...placeBlocks(meeting),
      { kind: "text", text: canYouCome(person, members) },
      {
        kind: "buttons",
        buttons: [
          {
            action: "meeting.attending",
            label: "I'll be there",
            value: String(meeting.id),
            style: "primary",
          },
          { action: "meeting.apologies", label: "I can't make it", value: String(meeting.id) },
        ],
      },
    ],
  };
}
