import { formatId } from "../domain/ids.ts";
import { formatTime, formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** `/meeting list`: the meetings still to come. */
export function listMeetings(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const meetings = core.store.meetings.upcoming(workstream.id, now);
  if (meetings.length === 0) {
    return message(`No meetings are booked for *${workstream.name}* yet.`);
  }
  return message(`Meetings coming up for *${workstream.name}*:`, {
    kind: "list",
    items: meetings.map(
      (m) =>
        `${formatId("meeting", m.seq)} *${m.title}* — ${formatWhen(m.startsAt, zone, now)} to ${formatTime(m.endsAt, zone)}`,
    ),
  });
}
