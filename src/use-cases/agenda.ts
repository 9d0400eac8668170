import type { Meeting } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId, parseId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { isOrganiser } from "../domain/roles.ts";
import { formatWhen } from "../domain/time.ts";
import { type Block, type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { agendaLines } from "./agenda-messages.ts";
import { namedOrNextMeeting } from "./find-meeting.ts";
import { meetingWords, paperLine } from "./papers-messages.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/** `[<M-n>] <item>`, as the command read it. */
export interface AgendaItemInput {
  meetingId?: string;
  text: string;
}

/**
 * The meeting an `/agenda` command is about: the one named, else the next one not yet started.
 * `open` refuses one cancelled, ended or under way, for commands that change its agenda.
 */
export function findAgendaMeeting(
  core: Core,
  ctx: WorkstreamContext,
  idText: string | undefined,
  example: string,
  open: boolean,
): Meeting {
  return namedOrNextMeeting(core, ctx, idText, example, open, {
    none: () =>
      refuse(
        "agenda.no-meeting",
        rich`There is no meeting coming up in ${em(ctx.workstream.name)}. Name one, for example ${code(example)}.`,
      ),
    closed: (id, meeting) =>
      refuse("agenda.meeting-closed", `${id} is ${meeting.status}, so its agenda can't change now.`),
    started: (id) =>
      refuse("agenda.meeting-started", `${id} has already started, so its agenda can't change now.`),
  });
}

/**
 * `/agenda [<M-n>]`: what the meeting will cover — the chair's items, parked items due for
 * revisit, accepted suggestions — and its papers.
 */
export function showAgenda(core: Core, ctx: WorkstreamContext, idText: string | undefined): Message {
  const meeting = findAgendaMeeting(core, ctx, idText, "/agenda M-3", false);
  const now = core.clock.now();
  const id = formatId("meeting", meeting.seq);
  const heading = rich`Agenda for ${id} ${em(meeting.title)} on ${formatWhen(meeting.startsAt, ctx.workstream.settings.timezone, now)}`;
  const lines = agendaLines(core, meeting);
  const papers = core.store.papers.forMeeting(meeting.id);
  const organiser = isOrganiser(ctx.member?.role);
  const text = lines.length > 0 ? rich`${heading}:` : rich`${heading}: nothing on it yet.`;
  const blocks: Block[] = [{ kind: "text", text }];
  if (lines.length > 0) blocks.push({ kind: "list", items: lines });
  // Suggestions are private to the chairs until one accepts them (PRODUCT.md §11).
  const waiting = ctx.member?.role === "chair" ? core.store.agenda.suggestedFor(meeting.id) : [];
  if (waiting.length > 0) {
    blocks.push({
      kind: "text",
      text: "Suggestions waiting for a chair's answer (only the chairs see these):",
    });
    blocks.push({
      kind: "list",
      items: waiting.map((s) => {
        const by = s.addedBy === null ? undefined : core.store.people.byId(s.addedBy)?.name;
        return by ? rich`${em(s.text)} (from ${by})` : rich`${em(s.text)}`;
      }),
    });
  }
  if (papers.length > 0) {
    blocks.push({ kind: "text", text: "Papers:" });
    blocks.push({ kind: "list", items: papers.map((p) => paperLine(p, organiser)) });
  } else {
    blocks.push({ kind: "text", text: "No papers yet." });
  }
  blocks.push({
    kind: "note",
    text:
      ctx.member?.role === "chair"
        ? rich`To add an item: ${code(`/agenda add ${id} what to talk about`)}. To take one off: ${code("/agenda drop A-1")}.`
        : rich`Something you'd like to talk about? Suggest it to the chair: ${code(`/agenda suggest ${id} what to talk about`)}.`,
  });
  return { text, blocks };
}

/** What members are told happens next, once an item has joined or left the agenda. */
function whatMembersSee(core: Core, meeting: Meeting): string {
  return core.store.papers.distribution(meeting.id)
    ? "Everyone's papers message now shows the new agenda."
    : "It goes out to everyone with the papers.";
}

/** `/agenda add [<M-n>] <item>` (the chair): the item joins the agenda with the next A-n. */
export function addAgendaItem(core: Core, ctx: WorkstreamContext, input: AgendaItemInput): Message {
  const meeting = findAgendaMeeting(
    core,
    ctx,
    input.meetingId,
    "/agenda add M-3 Transport to meetings",
    true,
  );
  const now = core.clock.now();
  const item = core.store.transaction(() => {
    const added = core.store.agenda.add({
      workstreamId: ctx.workstream.id,
      meetingId: meeting.id,
      text: input.text,
      addedBy: ctx.actor.id,
      source: "chair",
      now,
    });
    refreshPapersAgenda(core, ctx.workstream, meeting);
    return added;
  });
  core.log.info({ workstream: ctx.workstream.id, meeting: meeting.id, item: item.id }, "agenda item added");
  return message(
    rich`Added ${formatId("agenda", item.seq ?? 0)} ${em(item.text)} to the agenda for ${meetingWords(ctx.workstream, meeting, now)}.`,
    { kind: "note", text: whatMembersSee(core, meeting) },
  );
}

/** `/agenda drop <A-n>` (the chair): takes an item off; the papers messages follow. */
export function dropAgendaItem(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const seq = parseId("agenda", idText);
  if (seq === undefined)
    refuse(
      "agenda.id",
      rich`"${idText}" is not an agenda item number. For example: ${code("/agenda drop A-2")}.`,
    );
  const item = core.store.agenda.bySeq(ctx.workstream.id, seq);
  if (item?.status !== "listed")
    refuse(
      item ? "agenda.gone" : "agenda.not-found",
      rich`A-${seq} is not on any agenda${item ? " any more" : ""}. ${code("/agenda")} shows what is.`,
    );
  const meeting = core.store.meetings.byId(item.meetingId) as Meeting;
  const now = core.clock.now();
  core.store.transaction(() => {
    core.store.agenda.drop(item.id, ctx.actor.id, now);
    refreshPapersAgenda(core, ctx.workstream, meeting);
  });
  core.log.info({ workstream: ctx.workstream.id, meeting: meeting.id, item: item.id }, "agenda item dropped");
  return message(
    rich`Taken ${formatId("agenda", seq)} ${em(item.text)} off the agenda for ${meetingWords(ctx.workstream, meeting, now)}.`,
    {
      kind: "note",
      text: core.store.papers.distribution(meeting.id)
        ? "Everyone's papers message now shows the new agenda."
        : "It won't be in the papers.",
    },
  );
}
