import type { AgendaItem } from "../domain/agenda.ts";
import type { Meeting, Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { readText, TEXT_LIMITS } from "../domain/text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { type AgendaItemInput, findAgendaMeeting } from "./agenda.ts";
import { AGENDA_ACTIONS } from "./agenda-messages.ts";
import { chairWords, meetingWords } from "./papers-messages.ts";
import { chairsOf } from "./people.ts";
import { refreshPapersAgenda } from "./refresh-papers-agenda.ts";

/**
 * `/agenda suggest [<M-n>] <item>` (members): kept as a suggestion and sent privately to each
 * chair with Accept / Decline. A chair suggesting goes to the other chairs.
 */
export function suggestAgendaItem(core: Core, ctx: WorkstreamContext, input: AgendaItemInput): Message {
  const { workstream, actor } = ctx;
  const meeting = findAgendaMeeting(
    core,
    ctx,
    input.meetingId,
    "/agenda suggest M-3 Transport to meetings",
    true,
  );
  const members = core.store.members.list(workstream.id);
  const chairs = chairsOf(members).filter((c) => c.id !== actor.id);
  if (chairs.length === 0)
    refuse(
      "agenda.no-chair",
      chairsOf(members).length > 0
        ? rich`You're the only chair here, so you can add it yourself: ${code(`/agenda add ${input.text}`)}.`
        : rich`This workstream has no chair yet, so there is nobody to send a suggestion to. A coordinator can name one with ${code("/workstream role @name chair")}.`,
    );
  const now = core.clock.now();
  core.store.transaction(() => {
    const item = core.store.agenda.add({
      workstreamId: workstream.id,
      meetingId: meeting.id,
      text: input.text,
      addedBy: actor.id,
      source: "suggestion",
      now,
    });
    for (const chair of chairs) {
      const text = rich`Hi ${chair.name} — ${actor.name} suggests an item for the agenda of ${meetingWords(workstream, meeting, now)}:`;
      queueDirectMessage(
        core,
        workstream,
        chair,
        {
          text,
          blocks: [
            { kind: "text", text },
            { kind: "text", text: rich`${em(item.text)}` },
            {
              kind: "note",
              text: `Only the chairs see this. ${actor.name} will be told whether it goes on the agenda.`,
            },
            {
              kind: "buttons",
              buttons: [
                { action: AGENDA_ACTIONS.accept, label: "Accept", value: String(item.id), style: "primary" },
                { action: AGENDA_ACTIONS.decline, label: "Decline", value: String(item.id) },
              ],
            },
          ],
        },
        { key: `agenda-suggestion:${item.id}:${chair.id}`, audience: "chair", expiresAt: meeting.startsAt },
      );
    }
    core.log.info({ workstream: workstream.id, meeting: meeting.id, item: item.id }, "agenda item suggested");
  });
  const others = members.filter((m) => m.id !== actor.id);
  return message(
    `Thanks, ${actor.name} — I've sent your suggestion to ${chairWords(others)}. Only the chairs will see it for now; you'll hear here whether it goes on the agenda.`,
  );
}

/** The suggestion a button is about, with its meeting and workstream; refuses a chair's button pressed by someone else. */
function suggestionFor(core: Core, actor: Person, value: string) {
  const item = core.store.agenda.byId(Number(value));
  const meeting = item ? core.store.meetings.byId(item.meetingId) : undefined;
  const workstream = meeting ? core.store.workstreams.byId(meeting.workstreamId) : undefined;
  if (!item || !meeting || !workstream) refuse("agenda.gone", "That suggestion is no longer there.");
  if (core.store.members.get(workstream.id, actor.id)?.role !== "chair")
    refuse("agenda.not-chair", "Only a chair can accept or decline a suggestion for the agenda.");
  return { item, meeting, workstream };
}

/** Someone already answered (another chair, or an earlier click): say who and how, and change nothing. */
function alreadyDecided(core: Core, item: AgendaItem): ActionResult | undefined {
  if (item.status === "suggested") return undefined;
  const by = item.decidedBy === null ? undefined : core.store.people.byId(item.decidedBy)?.name;
  const how = item.status === "declined" ? "declined" : "accepted";
  return {
    kind: "update",
    message: message(rich`${by ?? "A chair"} has already ${how} the suggestion ${em(item.text)}.`),
  };
}

/** The meeting has started or is closed: too late to change its agenda. */
function tooLate(core: Core, meeting: Meeting): boolean {
  return meeting.status !== "scheduled" || meeting.startsAt.getTime() <= core.clock.now().getTime();
}

/** Accept: the suggestion joins the agenda with its A-n; the member is told; papers messages follow. */
export function acceptSuggestion(core: Core, actor: Person, value: string): ActionResult {
  const { item, meeting, workstream } = suggestionFor(core, actor, value);
  const answered = alreadyDecided(core, item);
  if (answered) return answered;
  if (tooLate(core, meeting))
    refuse(
      "agenda.meeting-started",
      `${formatId("meeting", meeting.seq)} has already started, so its agenda can't change now.`,
    );
  const now = core.clock.now();
  const accepted = core.store.transaction(() => {
    const decided = core.store.agenda.decide({ id: item.id, accept: true, by: actor.id, reason: null, now });
    if (!decided) return undefined;
    refreshPapersAgenda(core, workstream, meeting);
    tellMember(
      core,
      workstream,
      decided,
      rich`Good news — ${actor.name} has put your suggestion on the agenda for ${meetingWords(workstream, meeting, now)}: ${em(decided.text)} (${formatId("agenda", decided.seq ?? 0)}).`,
    );
    return decided;
  });
  const current = core.store.agenda.byId(item.id) as AgendaItem;
  if (!accepted) return alreadyDecided(core, current) as ActionResult;
  core.log.info({ item: item.id, meeting: meeting.id }, "agenda suggestion accepted");
  const who =
    current.addedBy === null ? "the member" : (core.store.people.byId(current.addedBy)?.name ?? "the member");
  return {
    kind: "update",
    message: message(
      rich`You accepted ${who}'s suggestion: ${em(current.text)} is on the agenda as ${formatId("agenda", current.seq ?? 0)}. I've let ${who} know.`,
    ),
  };
}

/** The decline form's one field. */
const REASON_FIELD = "reason";

/** Decline: a short form for an optional reason, which the member will see. */
export function declineSuggestion(core: Core, actor: Person, value: string): ActionResult {
  const { item } = suggestionFor(core, actor, value);
  const answered = alreadyDecided(core, item);
  if (answered) return answered;
  const who =
    item.addedBy === null ? "The member" : (core.store.people.byId(item.addedBy)?.name ?? "The member");
  return {
    kind: "form",
    form: {
      action: AGENDA_ACTIONS.declined,
      title: "Decline the suggestion",
      intro: `${who} will be told you've decided not to put it on the agenda. If you give a reason, they will see it.`,
      submitLabel: "Decline",
      context: String(item.id),
      fields: [
        {
          kind: "text",
          id: REASON_FIELD,
          label: "Why (optional)",
          multiline: true,
          optional: true,
          maxLength: TEXT_LIMITS.reason,
        },
      ],
    },
  };
}

/** The decline form was sent: the suggestion is declined and the member told, with the reason if given. */
export function sendDecline(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { item, meeting, workstream } = suggestionFor(core, actor, value);
  const answered = alreadyDecided(core, item);
  if (answered) return answered;
  const reason = readText("reason", fields[REASON_FIELD] ?? "") || null;
  const now = core.clock.now();
  const declined = core.store.transaction(() => {
    const decided = core.store.agenda.decide({ id: item.id, accept: false, by: actor.id, reason, now });
    if (!decided) return undefined;
    const why = reason
      ? rich`Their reason: "${reason}"`
      : "They didn't give a reason. You can still ask them about it, or raise it at the meeting.";
    tellMember(
      core,
      workstream,
      decided,
      rich`Thank you for your suggestion, ${em(decided.text)}. ${actor.name} has decided not to put it on the agenda for ${meetingWords(workstream, meeting, now)}. ${why}`,
    );
    return decided;
  });
  if (!declined) return alreadyDecided(core, core.store.agenda.byId(item.id) as AgendaItem) as ActionResult;
  core.log.info({ item: item.id, meeting: meeting.id }, "agenda suggestion declined");
  const who =
    item.addedBy === null ? "the member" : (core.store.people.byId(item.addedBy)?.name ?? "the member");
  return {
    kind: "reply",
    message: message(
      reason
        ? `Done — I've let ${who} know you declined it, and why.`
        : `Done — I've let ${who} know you declined it.`,
    ),
  };
}

/** A private message to whoever made the suggestion. */
function tellMember(core: Core, workstream: Workstream, item: AgendaItem, text: Message["text"]): void {
  const person = item.addedBy === null ? undefined : core.store.people.byId(item.addedBy);
  if (!person) return;
  queueDirectMessage(core, workstream, person, message(text), { key: `agenda-decision:${item.id}` });
}
