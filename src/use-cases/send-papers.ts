import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { distributePapers } from "./distribute-papers.ts";
import { findPapersMeeting } from "./find-papers-meeting.ts";

/** `/papers send [<M-n>]`: sends the meeting's papers to every member now, instead of waiting. */
export function sendPapers(core: Core, ctx: WorkstreamContext, idText: string | undefined): Message {
  const { workstream } = ctx;
  const now = core.clock.now();
  const zone = workstream.settings.timezone;
  const meeting = core.store.transaction(() => {
    const found = findPapersMeeting(core, ctx, idText, "/papers send M-3", true);
    const id = formatId("meeting", found.seq);
    const papers = core.store.papers.forMeeting(found.id);
    if (papers.length === 0)
      refuse(
        "papers.none",
        rich`${id} has no papers yet. Add one first, for example ${code(`/papers add ${id} https://example.org/budget.pdf Budget 2027`)}.`,
      );
    const distribution = core.store.papers.distribution(found.id);
    if (distribution && papers.every((p) => p.sentAt !== null))
      refuse(
        "papers.already-sent",
        `${id}'s papers already went to every member on ${formatWhen(distribution.sentAt, zone, now)}. A paper you add now goes out straight away.`,
      );
    distributePapers(core, workstream, found, now);
    core.log.info({ workstream: workstream.id, meeting: found.id }, "papers sent on request");
    return found;
  });
  const id = formatId("meeting", meeting.seq);
  return message(
    rich`I'm sending ${id}'s papers (${em(meeting.title)}) to every member now, in a direct message.`,
    { kind: "note", text: rich`${code(`/papers ${id}`)} shows who has said they've read them.` },
  );
}
