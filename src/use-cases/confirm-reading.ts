import type { Person } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { agendaLines } from "./agenda-messages.ts";
import { papersMeetingFor } from "./papers-action-meeting.ts";
import { papersPack } from "./papers-messages.ts";

/**
 * "I've read them": recorded once per meeting and person, however often it is clicked or a
 * platform retries the click. The message is rebuilt with the button replaced by a thank-you,
 * so the links stay to hand. A reminder still waiting (held by quiet hours) is dropped.
 */
export function confirmReading(core: Core, actor: Person, value: string): ActionResult {
  const { meeting, workstream } = papersMeetingFor(core, actor, value);
  const now = core.clock.now();
  core.store.transaction(() => {
    if (!core.store.papers.confirmRead(meeting.id, actor.id, now)) return;
    const waiting = core.store.outbox.byKey(`papers-reminder:${meeting.id}:${actor.id}`);
    if (waiting?.status === "pending") core.store.outbox.finish(waiting.id, "dropped", "already read", now);
    core.log.info({ meeting: meeting.id, person: actor.id }, "papers read");
  });
  const papers = core.store.papers.forMeeting(meeting.id).filter((p) => p.sentAt !== null);
  const members = core.store.members.list(workstream.id);
  return {
    kind: "update",
    message: papersPack(workstream, meeting, papers, actor, members, {
      thanked: true,
      agenda: agendaLines(core, meeting),
    }),
  };
}
