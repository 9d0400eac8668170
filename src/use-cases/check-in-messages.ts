import { FOLDED, figureLabel } from "../domain/anonymity.ts";
import { type CheckIn, type CheckInAnswer, DONE, QUESTIONS, questionAt } from "../domain/check-in.ts";
import type { CheckInSummary, ChoiceCounts, CountedQuestion } from "../domain/check-in-summary.ts";
import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
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
export function meetingLabel({ meeting, workstream }: CheckInScene): Text {
  return rich`${em(meeting.title)} (${formatId("meeting", meeting.seq)}) on ${formatDay(meeting.startsAt, workstream.settings.timezone)}`;
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
      ? rich`Hi ${person.name} — a short check-in after ${meetingLabel(scene)}. Seven quick questions, about a minute. ${whoSees(reader)}`
      : rich`Check-in after ${meetingLabel(scene)}.`;
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
    { kind: "text", text: rich`${em(`Question ${answer.step} of 7.`)} ${text}` },
    { kind: "buttons", buttons },
  ];
  if (answer.step === 6) {
    blocks.push({ kind: "note", text: supportGoesTo(reader) });
  }
  return { text: rich`${intro} ${text}`, blocks };
}

function doneMessage(person: Person, answer: CheckInAnswer): Message {
  const seen = answer.anonymous
    ? "You answered anonymously: your answers are kept with no link to you, and the chair sees them only in totals, mixed with at least two other people's."
    : "The chair will see your answers with your name.";
  const blocks: Block[] = [];
  if (answer.anonymous) {
    blocks.push({
      kind: "note",
      text: rich`Because nothing links them to you, anonymous answers can't be changed or removed later. If you'd like a one-to-one with the chair by name, type ${code("/onetoone request")}.`,
    });
  } else if (answer.oneToOne === "yes") {
    blocks.push({ kind: "note", text: "You asked for a one-to-one: the chair will be in touch." });
  }
  const text = `Thanks, ${person.name} — that's everything. ${seen}`;
  return { text, blocks: [{ kind: "text", text }, ...blocks] };
}

/** What a late click or form gets: a kind no, and where to go instead. */
export function closedMessage(): Message {
  const text = rich`Thanks — this check-in has closed, but you can still tell the chair anything with ${code("/onetoone request")} (ask for a one-to-one), or ask the coordinator for help with ${code("/support <what you need>")}.`;
  return { text, blocks: [{ kind: "text", text }] };
}

/** The one reminder, sent privately to someone who has not finished. */
export function reminderMessage(
  scene: CheckInScene,
  person: Person,
  reader: CheckInReader = A_MEMBER,
): Message {
  const zone = scene.workstream.settings.timezone;
  const text = rich`Hi ${person.name} — a gentle reminder about the check-in after ${meetingLabel(scene)}, if you have a minute. It closes on ${formatWhen(scene.checkIn.closesAt, zone)}.`;
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

const QUESTION_LABELS: Record<CountedQuestion, { title: string; choices: Record<string, string> }> = {
  attended: { title: "Attended", choices: { yes: "yes", no: "no" } },
  spoke: {
    title: "Able to say what they wanted",
    choices: { fully: "fully", partly: "partly", "not-really": "not really" },
  },
  listened: { title: "Felt listened to", choices: { yes: "yes", partly: "partly", no: "no" } },
  oneToOne: { title: "Would like a one-to-one", choices: { yes: "yes", no: "no" } },
};

function countsText(question: CountedQuestion, counts: ChoiceCounts): string {
  const { choices } = QUESTION_LABELS[question];
  return Object.entries(choices)
    .map(([value, label]) => `${label} ${counts[value] ?? 0}`)
    .join(", ");
}

/** "2 answers are not shown yet, so that no one can tell who gave them." */
function heldBackNote(n: number): string {
  return `${n} ${n === 1 ? "answer is" : "answers are"} not shown yet, so that no one can tell who gave ${n === 1 ? "it" : "them"}.`;
}

/**
 * The chair's summary. While the check-in is open it says only how many have answered; once
 * closed, the counts, the groups and the comments, all folded by the one rule in
 * domain/anonymity.ts.
 */
export function summaryMessage(scene: CheckInScene, summary: CheckInSummary): Message {
  const rate = summary.invited === 0 ? 0 : Math.round((summary.answered / summary.invited) * 100);
  const zone = scene.workstream.settings.timezone;
  if (summary.open) {
    const text = rich`The check-in after ${meetingLabel(scene)} is still open: ${summary.answered} of ${summary.invited} members have answered (${rate}%).`;
    return {
      text,
      blocks: [
        { kind: "text", text },
        {
          kind: "note",
          text: `You'll get the answers when it closes, on ${formatWhen(scene.checkIn.closesAt, zone)}. Until then I show only how many have answered, so that nobody's answers can be picked out as they come in.`,
        },
      ],
    };
  }
  const text = rich`The check-in after ${meetingLabel(scene)} has closed. ${summary.answered} of ${summary.invited} members answered (${rate}%).`;
  const blocks: Block[] = [{ kind: "text", text }];
  if (summary.heldBack > 0)
    blocks.push({
      kind: "note",
      text: `${heldBackNote(summary.heldBack)} Anonymous answers are shown once at least 3 people have answered anonymously.`,
    });
  const shown = (Object.keys(QUESTION_LABELS) as CountedQuestion[]).flatMap((q) => {
    const figures = summary.questions[q];
    return figures && figures.counted > 0 ? [[q, figures] as const] : [];
  });
  if (shown.length > 0) {
    blocks.push({
      kind: "fields",
      fields: shown.map(([q, f]) => ({
        label: QUESTION_LABELS[q].title,
        value: countsText(q, f.counts) + (f.heldBack > summary.heldBack ? ` (${f.heldBack} not shown)` : ""),
      })),
    });
  }
  for (const q of ["listened", "spoke"] as const) {
    const figures = summary.questions[q];
    if (!figures || figures.byGroup.length === 0) continue;
    blocks.push({ kind: "text", text: [em(`${QUESTION_LABELS[q].title}, by stakeholder group`)] });
    blocks.push({
      kind: "list",
      items: figures.byGroup.map((g) => `${figureLabel(g.label)} (${g.counted}): ${countsText(q, g.counts)}`),
    });
  }
  if (shown.length > 0)
    blocks.push({
      kind: "note",
      text: `Groups with fewer than 3 answers, or with 1 or 2 anonymous ones, are shown together as "${FOLDED}".`,
    });
  if (summary.comments.length > 0) {
    blocks.push({ kind: "text", text: [em("Comments for the chair")] });
    blocks.push({
      kind: "list",
      items: summary.comments.map((c) => `${c.name ?? "Anonymous"}: "${c.text}"`),
    });
  }
  const { named, anonymous } = summary.oneToOne;
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
