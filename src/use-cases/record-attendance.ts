import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import type { Form } from "../messages/message.ts";
import { message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { chairsOf, coordinatorsOf, nameList } from "./people.ts";

/**
 * Who hears that someone can't come: the chairs. A chair's own apologies go to the other chairs,
 * or, when they are the only chair, to the coordinators, so nobody is told about themselves.
 */
export function apologiesGoTo(person: Person, members: Member[]): Member[] {
  const chairs = chairsOf(members).filter((c) => c.id !== person.id);
  if (!isChair(person, members) || chairs.length > 0) return chairs;
  return coordinatorsOf(members).filter((c) => c.id !== person.id);
}

function isChair(person: Person, members: Member[]): boolean {
  return members.some((m) => m.id === person.id && m.role === "chair");
}

/** The meeting a button points at, if this person may act on it. */
function meetingFor(core: Core, actor: Person, value: string): { meeting: Meeting; workstream: Workstream } {
  const meeting = core.store.meetings.byId(Number(value));
  const workstream = meeting && core.store.workstreams.byId(meeting.workstreamId);
  if (!meeting || !workstream || !core.store.members.get(workstream.id, actor.id)) {
    refuse("meeting.gone", "Sorry, I can't find that meeting any more.");
  }
  if (meeting.status !== "scheduled")
    refuse("meeting.closed", `That meeting is ${meeting.status}, so there is nothing more to do.`);
  return { meeting, workstream };
}

/** "I'll be there" on the day-before reminder. Clicking twice changes nothing. */
export function confirmAttending(core: Core, actor: Person, value: string): ActionResult {
  const { meeting } = meetingFor(core, actor, value);
  core.store.meetings.setAttendance(meeting.id, actor.id, "yes", core.clock.now());
  return { kind: "update", message: message(rich`Thanks, ${actor.name} — see you at ${em(meeting.title)}.`) };
}

/** "I can't make it": a short form with an optional note for the chair. */
export function askApologies(core: Core, actor: Person, value: string): ActionResult {
  const { meeting, workstream } = meetingFor(core, actor, value);
  const members = core.store.members.list(workstream.id);
  // A chair is not told "the chair will see": they are told who will, by name.
  const names = nameList(apologiesGoTo(actor, members).map((m) => m.name));
  const chair = isChair(actor, members);
  const form: Form = {
    action: "meeting.apologies-sent",
    title: "Sorry you can't come",
    intro: chair
      ? `Thanks for letting us know.${names ? ` I'll tell ${names} that you can't come.` : ""}`
      : "Thanks for letting us know. The chair will see that you can't come.",
    submitLabel: "Send",
    context: String(meeting.id),
    fields: [
      {
        kind: "text",
        id: "note",
        label:
          chair && names ? `Anything you'd like ${names} to know?` : "Anything you'd like the chair to know?",
        multiline: true,
        optional: true,
        maxLength: 1000,
      },
    ],
  };
  return { kind: "form", form };
}

/** The apologies form was sent: record it, and pass any note privately to the chairs. */
export function sendApologies(
  core: Core,
  actor: Person,
  value: string,
  fields: Record<string, string>,
): ActionResult {
  const { meeting, workstream } = meetingFor(core, actor, value);
  const note = fields.note?.trim() ?? "";
  core.store.transaction(() => {
    core.store.meetings.setAttendance(meeting.id, actor.id, "no", core.clock.now());
    const members = core.store.members.list(workstream.id);
    const chair = isChair(actor, members);
    // A chair's absence matters to whoever runs the meeting instead, note or not (their reminder says so).
    if (!note && !chair) return;
    const toChairs = !chair || chairsOf(members).length > 1;
    const said = note ? ` and asked me to pass this on: "${note}"` : ".";
    for (const chair of apologiesGoTo(actor, members)) {
      queueDirectMessage(
        core,
        workstream,
        chair,
        message(
          rich`${actor.name} can't come to ${formatId("meeting", meeting.seq)} (${em(meeting.title)})${said}`,
          {
            kind: "note",
            text: toChairs ? "Only the chairs see this." : "Only the coordinators see this.",
          },
        ),
        // Not tied to the meeting's subject: ending or cancelling it must not lose the note.
        {
          key: `apologies:${meeting.id}:${actor.id}:${chair.id}`,
          audience: toChairs ? "chair" : "coordinator",
        },
      );
    }
  });
  return {
    kind: "update",
    message: message(
      rich`Thanks for letting us know, ${actor.name}. We'll miss you at ${em(meeting.title)}.`,
    ),
  };
}
