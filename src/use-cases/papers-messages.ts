import type { Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import { formatId } from "../domain/ids.ts";
import type { Paper } from "../domain/papers.ts";
import { code, em, link, rich, type Text } from "../domain/rich-text.ts";
import { isOrganiser, type Role } from "../domain/roles.ts";
import { formatWhen } from "../domain/time.ts";
import type { Block, Button, Message } from "../messages/message.ts";
import { placeBlocks } from "./meeting-details.ts";
import { chairsOf, nameList } from "./people.ts";

/** The button actions on a papers message; the value is always the meeting's id. */
export const PAPERS_ACTIONS = {
  read: "papers.read",
  question: "papers.question",
  format: "papers.format",
} as const;

/**
 * "*Budget 2027*: https://… — Where the money goes." With `withId` (for chairs and coordinators,
 * who manage papers by id) the paper's id follows the title: "*Budget 2027* (PA-1): …".
 * Members can't do anything with a paper's id, so they never see it.
 */
export function paperLine(paper: Paper, withId = false): Text {
  const summary = paper.summary ? ` — ${paper.summary}` : "";
  const late = paper.late ? " (added late)" : "";
  const id = withId ? ` (${formatId("paper", paper.seq)})` : "";
  return rich`${em(paper.title)}${id}${late}: ${link(paper.link)}${summary}`;
}

/** This person's role in the workstream these members belong to ("member" if not found). */
function roleOf(person: Person, members: Member[]): Role {
  return members.find((m) => m.id === person.id)?.role ?? "member";
}

/** The chairs this person could send a question to: every chair but themselves. */
export function chairsToAsk(person: Person, members: Member[]): Member[] {
  return chairsOf(members).filter((c) => c.id !== person.id);
}

/** "Question for the chair"; a chair asks "the other chair"; a chair with no other chair gets no button. */
function questionLabel(person: Person, members: Member[]): string | undefined {
  if (roleOf(person, members) !== "chair") return "Question for the chair";
  const others = chairsToAsk(person, members).length;
  if (others === 0) return undefined;
  return others === 1 ? "Question for the other chair" : "Question for the other chairs";
}

/** The other chairs' and coordinators' names. */
function otherOrganisers(person: Person, members: Member[]): string[] {
  return members.filter((m) => isOrganiser(m.role) && m.id !== person.id).map((m) => m.name);
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

function buttons(meeting: Meeting, withRead: boolean, person: Person, members: Member[]): Block {
  const value = String(meeting.id);
  const question = questionLabel(person, members);
  const list: Button[] = [
    ...(question ? [{ action: PAPERS_ACTIONS.question, label: question, value }] : []),
    { action: PAPERS_ACTIONS.format, label: "Another format, please", value },
  ];
  if (withRead)
    list.unshift({ action: PAPERS_ACTIONS.read, label: "I've read them", value, style: "primary" });
  return { kind: "buttons", buttons: list };
}

const GLOSSARY_HINT: Block = {
  kind: "note",
  text: rich`Not sure what a word means? Type ${code("/glossary")} to see plain meanings of the words this group uses.`,
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
  options: { thanked?: boolean; agenda?: Text[] } = {},
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = rich`Hi ${person.name} — the papers for ${em(meeting.title)} on ${when} are ready. ${count(papers.length)}`;
  const withIds = isOrganiser(roleOf(person, members));
  const blocks: Block[] = [
    { kind: "text", text },
    ...placeBlocks(meeting),
    { kind: "list", items: papers.map((p) => paperLine(p, withIds)) },
    // The agenda travels in this one message, and is updated in it (PRODUCT.md §11).
    ...agendaBlocks(options.agenda ?? []),
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
      text: `Thank you, ${person.name} — I've noted that you've read them.${whoSeesReading(person, members)}`,
    });
  }
  blocks.push(buttons(meeting, !options.thanked, person, members));
  return { text, blocks };
}

/** "On the agenda:" and its items; nothing when the agenda is empty. */
function agendaBlocks(agenda: Text[]): Block[] {
  if (agenda.length === 0) return [];
  return [
    { kind: "text", text: "On the agenda:" },
    { kind: "list", items: agenda },
  ];
}

/** " The chair and coordinator can see that you have." — for a chair or coordinator, the others by name. */
function whoSeesReading(person: Person, members: Member[]): string {
  if (!isOrganiser(roleOf(person, members))) return " The chair and coordinator can see that you have.";
  const others = otherOrganisers(person, members);
  return others.length > 0 ? ` ${nameList(others)} can see that you have.` : "";
}

/** A paper added after the others went out: sent at once, and said to be late. */
export function latePaperMessage(
  workstream: Workstream,
  meeting: Meeting,
  paper: Paper,
  person: Person,
  members: Member[],
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = rich`Hi ${person.name} — one more paper for ${em(meeting.title)} on ${when}. Sorry it's late.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "list", items: [paperLine(paper, isOrganiser(roleOf(person, members)))] },
      GLOSSARY_HINT,
      buttons(meeting, true, person, members),
    ],
  };
}

/** The one gentle reminder to a member who has not said they've read the papers. */
export function papersReminder(
  workstream: Workstream,
  meeting: Meeting,
  papers: Paper[],
  person: Person,
  members: Member[],
): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const role = roleOf(person, members);
  const text = rich`Hi ${person.name} — a gentle reminder about the papers for ${em(meeting.title)} on ${when}, when you have a minute.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      { kind: "list", items: papers.map((p) => paperLine(p, isOrganiser(role))) },
      { kind: "text", text: readItNudge(person, members) },
      GLOSSARY_HINT,
      buttons(meeting, true, person, members),
    ],
  };
}

/**
 * What the reminder asks. A member is told the chair will know; a chair or coordinator is told
 * who will (the others running the group), and a chair with no other chair has nobody to ask.
 */
function readItNudge(person: Person, members: Member[]): string {
  const ask = questionLabel(person, members) ? " If something is unclear, you can ask a question." : "";
  if (!isOrganiser(roleOf(person, members)))
    return `If you've already read them, press "I've read them" so the chair knows.${ask}`;
  const others = otherOrganisers(person, members);
  const so = others.length === 0 ? "" : ` so ${nameList(others)} ${others.length === 1 ? "knows" : "know"}`;
  return `If you've already read them, press "I've read them"${so}.${ask}`;
}

/** "M-1 (*Medication review*, Friday 11 December, 2pm)" */
export function meetingWords(workstream: Workstream, meeting: Meeting, now?: Date): Text {
  return rich`${formatId("meeting", meeting.seq)} (${em(meeting.title)}, ${formatWhen(meeting.startsAt, workstream.settings.timezone, now)})`;
}
