import type { Meeting } from "../domain/entities.ts";
import { link, rich, type Text } from "../domain/rich-text.ts";
import type { Block } from "../messages/message.ts";

/** A place that is a web address (a video call): shown as a link and a "Join the meeting" button. */
export function isLink(place: string): boolean {
  return /^https?:\/\/\S+$/i.test(place);
}

/** "Where: Room 4, County Hall", or the link; undefined when no place is set. */
export function placeLine(meeting: Meeting): Text | undefined {
  if (!meeting.place) return undefined;
  return isLink(meeting.place) ? rich`Where: ${link(meeting.place)}` : `Where: ${meeting.place}`;
}

/** The "Where:" line and, for a link, the "Join the meeting" button: for papers and reminders. */
export function placeBlocks(meeting: Meeting): Block[] {
  const line = placeLine(meeting);
  if (!line || !meeting.place) return [];
  const blocks: Block[] = [{ kind: "text", text: line }];
  if (isLink(meeting.place)) blocks.push({ kind: "link", label: "Join the meeting", url: meeting.place });
  return blocks;
}

/**
 * The day-before reminder's outbox key. Once a meeting has moved, the key carries the move count,
 * so a reminder sent for the old date does not stop the one for the new date (and a meeting never
 * moved keeps the key it always had).
 */
export function meetingReminderKey(meeting: Meeting, personId: number): string {
  const key = `meeting-reminder:${meeting.id}:${personId}`;
  return meeting.moves > 0 ? `${key}:moved-${meeting.moves}` : key;
}
