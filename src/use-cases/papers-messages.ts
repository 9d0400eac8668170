import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import type { Paper } from "../domain/papers.ts";
import { formatWhen } from "../domain/time.ts";
import type { Block, Button, Message } from "../messages/message.ts";
import { chairsOf, nameList } from "./people.ts";

/** The button actions on a papers message; the value is always the meeting's id. */
export const PAPERS_ACTIONS = {
  read: "papers.read",
  question: "papers.question",
  format: "papers.format",
} as const;

/** "*Budget 2027* (PA-1): https://… — Where the money goes." */
export function paperLine(paper: Paper): string {
  const summary = paper.summary ? ` — ${paper.summary}` : "";
  const late = paper.late ? " (added late)" : "";
  return `*${paper.title}* (${formatId("paper", paper.seq)})${late}: ${paper.link}${summary}`;
}

/** "Chris (the chair)", "Chris and Pat (the chairs)", or "the chair" when there is none yet. */
export function chairWords(members: Member[]): string {
  const chairs = chairsOf(members);
  if (chairs.length === 0) return "the chair";
  return `${nameList(chairs.map((c) => c.name))} (the chair${chairs.length > 1 ? "s" : ""})`;
}

function askTheChair(person: Person, members: Member[]): string {
  const others = members.filter((m) => m.id !== person.id);
  if (others.length < members.length && chairsOf(others).length === 0) return "Take your time.";
  return `Take your time. If anything is unclear, you can ask ${chairWords(others)} privately before the meeting.`;
}

function buttons(meeting: Meeting, withRead: boolean): Block {
  const value = String(meeting.id);
  const list: Button[] = [
    { action: PAPERS_ACTIONS.question, label: "Question for the chair", value },
    { action: PAPERS_ACTIONS.format, label: "Another format, please", value },
  ];
  if (withRead)
    list.unshift({ action: PAPERS_ACTIONS.read, label: "I've read them", value, style: "primary" });
  return { kind: "buttons", buttons: list };
}

const GLOSSARY_HINT: Block = {
  kind: "note",
  text: "Not sure what a word means? Type `/glossary` to see plain meanings of the words this group uses.",
};

function count(n: number): string {
  return n === 1 ? "There is 1 paper." : `There are ${n} papers.`;
}

/**
 * The one papers message each member gets at the lead time: the meeting, every paper, a pointer
 * to the glossary and the three buttons. `thanked` rebuilds it after "I've read them", with that
 * button replaced by a thank-you so the links stay to hand.
 */
export function papersPack(
  workstream: Workstream,
  meeting: Meeting,
  papers: Paper[],
  person: Person,
  members: Member[],
  options: { thanked?: boolean } = {},
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = `Hi ${person.name} — the papers for *${meeting.title}* on ${when} are ready. ${count(papers.length)}`;
  const blocks: Block[] = [
    { kind: "text", text },
    { kind: "list", items: papers.map(paperLine) },
    {
      kind: "text",
      // A chair is not told to ask themselves; with several chairs, they may ask the others.
      text: askTheChair(person, members),
    },
    GLOSSARY_HINT,
  ];
  if (options.thanked) {
    blocks.push({
      kind: "text",
      text: `Thank you, ${person.name} — I've noted that you've read them. The chair and coordinator can see that you have.`,
    });
  }
  blocks.push(buttons(meeting, !options.thanked));
  return { text, blocks };
}

/** A paper added after the others went out: sent at once, and said to be late. */
export function latePaperMessage(
  workstream: Workstream,
  meeting: Meeting,
  paper: Paper,
  person: Person,
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = `Hi ${person.name} — one more paper for *${meeting.title}* on ${when}. Sorry it's late.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "list", items: [paperLine(paper)] },
      GLOSSARY_HINT,
      buttons(meeting, true),
    ],
  };
}

/** The one gentle reminder to a member who has not said they've read the papers. */
export function papersReminder(
  workstream: Workstream,
  meeting: Meeting,
  papers: Paper[],
  person: Person,
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = `Hi ${person.name} — a gentle reminder about the papers for *${meeting.title}* on ${when}, when you have a minute.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "list", items: papers.map(paperLine) },
      {
        kind: "text",
        text: "If you've already read them, press \"I've read them\" so the chair knows. If something is unclear, you can ask a question.",
      },
      GLOSSARY_HINT,
      buttons(meeting, true),
    ],
  };
}

/** "M-1 (*Medication review*, Friday 11 December, 2pm)" */
export function meetingWords(workstream: Workstream, meeting: Meeting, now?: Date): string {
  return `${formatId("meeting", meeting.seq)} (*${meeting.title}*, ${formatWhen(meeting.startsAt, workstream.settings.timezone, now)})`;
}
