import { formatId } from "../domain/ids.ts";
import { papersDueAt } from "../domain/papers.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { isOrganiser } from "../domain/roles.ts";
import { afterQuietHours, formatWhen } from "../domain/time.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { findPapersMeeting } from "./find-papers-meeting.ts";
import { paperLine } from "./papers-messages.ts";
import { nameList } from "./people.ts";

/**
 * `/papers [<M-n>]`: a meeting's papers and whether they have gone out. Chairs and coordinators
 * also see who has said they've read them; everyone else sees only their own state.
 */
export function listPapers(core: Core, ctx: WorkstreamContext, idText: string | undefined): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const meeting = findPapersMeeting(core, ctx, idText, "/papers M-3", false);
  const id = formatId("meeting", meeting.seq);
  const papers = core.store.papers.forMeeting(meeting.id);
  const heading = rich`Papers for ${id} ${em(meeting.title)} on ${formatWhen(meeting.startsAt, zone, now)}`;
  if (papers.length === 0) {
    const text = rich`${heading}: none yet.`;
    const hint = isOrganiser(ctx.member?.role)
      ? rich`Add one with ${code(`/papers add ${id} https://example.org/budget.pdf Budget 2027`)}.`
      : "When the chair adds them, you'll get them in a direct message.";
    return {
      text,
      blocks: [
        { kind: "text", text },
        { kind: "note", text: hint },
      ],
    };
  }
  const text = rich`${heading}:`;
  const blocks: Block[] = [
    { kind: "text", text },
    // Paper ids are for the chairs and coordinators who manage papers; members can't use them.
    { kind: "list", items: papers.map((p) => paperLine(p, isOrganiser(ctx.member?.role))) },
  ];
  const distribution = core.store.papers.distribution(meeting.id);
  if (!distribution) {
    blocks.push({
      kind: "note",
      // Quiet hours hold direct messages until the morning: say when people will get them.
      text: `They go to every member on ${formatWhen(afterQuietHours(papersDueAt(meeting, workstream.settings), workstream.settings), zone, now)}.`,
    });
    return { text, blocks };
  }
  const late = distribution.late ? " (later than planned)" : "";
  // Quiet hours may still be holding them: say "going out" until that moment has passed.
  const delivered = afterQuietHours(distribution.sentAt, workstream.settings);
  const verb = delivered.getTime() > now.getTime() ? "Going out to members on" : "Sent to members on";
  blocks.push({ kind: "note", text: `${verb} ${formatWhen(delivered, zone, now)}${late}.` });
  const readers = new Set(core.store.papers.readers(meeting.id));
  if (isOrganiser(ctx.member?.role)) {
    const members = core.store.members.list(workstream.id);
    const read = members.filter((m) => readers.has(m.id)).map((m) => m.name);
    const notYet = members.filter((m) => !readers.has(m.id)).map((m) => m.name);
    blocks.push({
      kind: "fields",
      fields: [
        {
          label: `Have read them (${read.length} of ${members.length})`,
          value: nameList(read) || "nobody yet",
        },
        { label: "Not yet", value: nameList(notYet) || "nobody — everyone has read them" },
      ],
    });
    blocks.push({ kind: "note", text: "Only chairs and coordinators see who has read them." });
  } else {
    blocks.push({
      kind: "text",
      text: readers.has(ctx.actor.id)
        ? "You've said you've read them. Thank you."
        : "You haven't said you've read them yet. There's no rush — use the \"I've read them\" button in the message I sent you.",
    });
  }
  return { text, blocks };
}
