import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { formatTime, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { placeLine } from "./meeting-details.ts";

/** `/meeting list`: the meetings still to come. */
export function listMeetings(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const meetings = core.store.meetings.upcoming(workstream.id, now);
  if (meetings.length === 0) {
    return message(rich`No meetings are booked for ${em(workstream.name)} yet.`);
  }
  return message(rich`Meetings coming up for ${em(workstream.name)}:`, {
    kind: "list",
    items: meetings.map((m) => {
      const where = placeLine(m);
      return rich`${formatId("meeting", m.seq)} ${em(m.title)} — ${formatWhen(m.startsAt, zone, now)} to ${formatTime(m.endsAt, zone)}${where ? rich`. ${where}` : ""}`;
    }),
  });
}
