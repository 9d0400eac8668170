import { type CheckIn, type CheckInAnswer, DONE, QUESTIONS, questionAt } from "../domain/check-in.ts";
import type { AnswerCounts, CheckInSummary } from "../domain/check-in-summary.ts";
import { SMALL_GROUP } from "../domain/check-in-summary.ts";
import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { formatDay, formatWhen } from "../domain/time.ts";
import type { Block, Button, Message } from "../messages/message.ts";
import { coordinatorsOf, nameList } from "./people.ts";

/** A check-in with the meeting and workstream its messages talk about. */
export interface CheckInScene {
  checkIn: CheckIn;
  meeting: Meeting;
  workstream: Workstream;
}

/**
 * Who reads a check-in: a member, or a coordinator (chairs get the summary instead). A
 * coordinator is not told "the coordinator sees totals only" as if it were someone else, and
 * their support request goes to the other coordinators, named.
 */
export interface CheckInReader {
  coordinator: boolean;
  /** The other coordinators' names (a coordinator's support request goes to them). */
  otherCoordinators: string[];
}

/** The reader for this person among these members. */
export function checkInReader(person: Person, members: Member[]): CheckInReader {
  return {
    coordinator: members.some((m) => m.id === person.id && m.role === "coordinator"),
    otherCoordinators: coordinatorsOf(members)
      .filter((c) => c.id !== person.id)
      .map((c) => c.name),
  };
}

const A_MEMBER: CheckInReader = { coordinator: false, otherCoordinators: [] };

/** Who sees the answers, worded for the reader. */
function whoSees(reader: CheckInReader): string {
  return reader.coordinator
    ? "The chair sees your answers, and you can answer anonymously. Coordinators, like you, see totals only."
    : "The chair sees your answers, and you can answer anonymously; the coordinator sees totals only.";
}

/** Where a support request goes, worded for the reader. */
export function supportGoesTo(reader: CheckInReader): string {
  if (!reader.coordinator)
    return "A support request goes straight to the coordinator, with your name, so they can help. The chair won't see it.";
  const others = reader.otherCoordinators;
  if (others.length === 0)
    return "You're the only coordinator here, so a support request would come back to you. The chair won't see it.";
  return `A support request goes straight to ${nameList(others)} (coordinator), with your name, so they can help. The chair won't see it.`;
}

/** "*Medication review* (M-1) on Thursday 3 December" */
export function meetingLabel({ meeting, workstream }: CheckInScene): string {
  return `*${meeting.title}* (${formatId("meeting", meeting.seq)}) on ${formatDay(meeting.startsAt, workstream.settings.timezone)}`;
}

/**
 * The check-in as one message showing the current question. Each click replaces it with the
 * next one, so a person only ever sees one question and cannot answer the same one twice.
 */
export function questionMessage(
  scene: CheckInScene,
  person: Person,
  answer: CheckInAnswer,
  reader: CheckInReader = A_MEMBER,
): Message {
  if (answer.step >= DONE) return doneMessage(person, answer);
  const question = questionAt(answer.step) ?? (QUESTIONS[0] as (typeof QUESTIONS)[number]);
  const id = String(scene.checkIn.id);
  const intro =
    answer.step === 1
      ? `Hi ${person.name} — a short check-in after ${meetingLabel(scene)}. Seven quick questions, about a minute. ${whoSees(reader)}`
      : `Check-in after ${meetingLabel(scene)}.`;
  const text =
    answer.step === 5 && answer.attended === "no"
      ? "Sorry you couldn't come. Would you like a catch-up with the chair (a one-to-one), to hear what happened and share your views?"
      : question.text;
  const buttons: Button[] = [];
  if (answer.step === 4) buttons.push({ action: "checkin.comment", label: "Write something", value: id });
  if (answer.step === 6)
    buttons.push({ action: "checkin.support", label: "Yes, ask for support", value: id });
  for (const choice of question.choices) {
    buttons.push({
      action: "checkin.answer",
      label: choice.label,
      value: `${id}:${answer.step}:${choice.value}`,
      ...(choice.primary ? { style: "primary" as const } : {}),
    });
  }
  const blocks: Block[] = [
    { kind: "text", text: intro },
    { kind: "text", text: `*Question ${answer.step} of 7.* ${text}` },
    { kind: "buttons", buttons },
  ];
  if (answer.step === 6) {
    blocks.push({ kind: "note", text: supportGoesTo(reader) });
  }
  return { text: `${intro} ${text}`, blocks };
}

function doneMessage(person: Person, answer: CheckInAnswer): Message {
  const seen = answer.anonymous
    ? "The chair will see your answers without your name."
    : "The chair will see your answers with your name.";
  const blocks: Block[] = [];
  if (answer.oneToOne === "yes") {
    blocks.push({
      kind: "note",
      text: answer.anonymous
        ? "You answered anonymously, so the chair won't know it was you who asked for a one-to-one. To ask by name, type `/onetoone request`."
        : "You asked for a one-to-one: the chair will be in touch.",
    });
  }
  const text = `Thanks, ${person.name} — that's everything. ${seen}`;
  return { text, blocks: [{ kind: "text", text }, ...blocks] };
}

/** What a late click or form gets: a kind no, and where to go instead. */
export function closedMessage(): Message {
  const text =
    "Thanks — this check-in has closed, but you can still tell the chair anything with `/onetoone request` (ask for a one-to-one), or ask the coordinator for help with `/support <what you need>`.";
  return { text, blocks: [{ kind: "text", text }] };
}

/** The one reminder, sent privately to someone who has not finished. */
export function reminderMessage(
  scene: CheckInScene,
  person: Person,
  reader: CheckInReader = A_MEMBER,
): Message {
  const zone = scene.workstream.settings.timezone;
  const text = `Hi ${person.name} — a gentle reminder about the check-in after ${meetingLabel(scene)}, if you have a minute. It closes on ${formatWhen(scene.checkIn.closesAt, zone)}.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      {
        kind: "buttons",
        buttons: [
          {
            action: "checkin.resume",
            label: "Answer the check-in",
            value: String(scene.checkIn.id),
            style: "primary",
          },
        ],
      },
      { kind: "note", text: whoSees(reader) },
    ],
  };
}

const COUNT_LINES: Array<[string, (c: AnswerCounts) => string]> = [
  ["Attended", (c) => `yes ${c.attended.yes}, no ${c.attended.no}`],
  [
    "Able to say what they wanted",
    (c) => `fully ${c.spoke.fully}, partly ${c.spoke.partly}, not really ${c.spoke["not-really"]}`,
  ],
  ["Felt listened to", (c) => `yes ${c.listened.yes}, partly ${c.listened.partly}, no ${c.listened.no}`],
  ["Would like a one-to-one", (c) => `yes ${c.oneToOne.yes}, no ${c.oneToOne.no}`],
];

/** The chair's summary: aggregates, groups (small ones folded), comments, one-to-one requests. */
export function summaryMessage(scene: CheckInScene, summary: CheckInSummary, final: boolean): Message {
  const rate = summary.invited === 0 ? 0 : Math.round((summary.answered / summary.invited) * 100);
  const text = final
    ? `The check-in after ${meetingLabel(scene)} has closed. ${summary.answered} of ${summary.invited} members answered (${rate}%).`
    : `The check-in after ${meetingLabel(scene)} so far: ${summary.answered} of ${summary.invited} members have answered (${rate}%).`;
  const blocks: Block[] = [{ kind: "text", text }];
  // With one or two answers, counts and unnamed comments would point at the people who
  // answered (`/checkin status` says who they are), so they wait for a third.
  const few = summary.answered > 0 && summary.answered < SMALL_GROUP;
  if (few) {
    blocks.push({
      kind: "note",
      text: "Fewer than 3 people have answered, so I'm not showing the answers yet, to keep anonymous answers anonymous.",
    });
  }
  if (summary.answered >= SMALL_GROUP) {
    blocks.push({
      kind: "fields",
      fields: COUNT_LINES.map(([label, show]) => ({ label, value: show(summary.counts) })),
    });
    blocks.push({
      kind: "text",
      text: '*By stakeholder group* (groups with fewer than 3 answers are shown together as "other groups")',
    });
    blocks.push({
      kind: "list",
      items: summary.byGroup.map(
        (g) =>
          `${g.label} (${g.answered}): listened to — ${COUNT_LINES[2]?.[1](g.counts)}; able to speak — ${COUNT_LINES[1]?.[1](g.counts)}; attended — ${COUNT_LINES[0]?.[1](g.counts)}`,
      ),
    });
  }
  const comments = few ? summary.comments.filter((c) => c.name !== null) : summary.comments;
  if (comments.length > 0) {
    blocks.push({ kind: "text", text: "*Comments for the chair*" });
    blocks.push({
      kind: "list",
      items: comments.map((c) => `${c.name ?? "Anonymous"}: "${c.text}"`),
    });
  }
  const { named } = summary.oneToOne;
  const anonymous = few ? 0 : summary.oneToOne.anonymous;
  if (named.length > 0 || anonymous > 0) {
    const parts = [];
    if (named.length > 0) parts.push(`${nameList(named)} would like a one-to-one with you.`);
    if (anonymous > 0)
      parts.push(
        `${anonymous} ${anonymous === 1 ? "person" : "people"} who answered anonymously would also like one; they have been told how to ask by name.`,
      );
    blocks.push({ kind: "text", text: parts.join(" ") });
  }
  blocks.push({
    kind: "note",
    text: "Only chairs see this. Anonymous answers are never shown with a name, and support requests go only to the coordinators.",
  });
  return { text, blocks };
}
