import { hasAnswered } from "../domain/check-in.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findCheckIn } from "./find-check-in.ts";
import { nameList } from "./people.ts";

/**
 * `/checkin status [<M-n>]` (chairs): who has answered and who has not — never what. Names are
 * shown for anonymous answerers too, because answering says nothing about the answers.
 */
export function showCheckInStatus(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const { checkIn, meeting, workstream } = findCheckIn(core, ctx, idText, "/checkin status M-3");
  const rows = core.store.checkIns.answers(checkIn.id);
  const done = rows.filter(hasAnswered).map((r) => r.name);
  const waiting = rows.filter((r) => !hasAnswered(r)).map((r) => r.name);
  const zone = workstream.settings.timezone;
  const state = checkIn.closedAt
    ? "closed"
    : `open until ${formatWhen(checkIn.closesAt, zone, core.clock.now())}`;
  return message(
    rich`Check-in for ${formatId("meeting", meeting.seq)} (${em(meeting.title)}), ${state}: ${done.length} of ${rows.length} have answered.`,
    {
      kind: "fields",
      fields: [
        { label: "Answered", value: nameList(done) || "nobody yet" },
        { label: "Not yet", value: nameList(waiting) || "nobody" },
      ],
    },
    {
      kind: "note",
      text: "This shows who has answered, never what. I send one private reminder to anyone who hasn't; nobody is named in the channel.",
    },
  );
}
