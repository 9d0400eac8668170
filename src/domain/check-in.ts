import type { Group } from "./roles.ts";

/** An end-of-meeting check-in (PRODUCT.md §4): one per meeting, open until `closesAt`. */
export interface CheckIn {
  id: number;
  meetingId: number;
  workstreamId: number;
  openedAt: Date;
  remindAt: Date;
  closesAt: Date;
  remindersQueuedAt: Date | null;
  closedAt: Date | null;
}

/** The answers to the questions a chair may see (never the support question). */
export interface AnswerValues {
  attended: "yes" | "no" | null;
  spoke: "fully" | "partly" | "not-really" | null;
  listened: "yes" | "partly" | "no" | null;
  comment: string | null;
  oneToOne: "yes" | "no" | null;
}

/**
 * The answer row for one invited person. Fields stay null until that question is answered.
 * Once someone finishes anonymously their answers move to an `AnonymousAnswer` with nothing
 * that points back here, and these fields are emptied: the row then only says they answered.
 */
export interface CheckInAnswer extends AnswerValues {
  checkInId: number;
  personId: number;
  /** Their name, for the chair's view (shown only when not anonymous). */
  name: string;
  /** Their stakeholder group when they answered. */
  group: Group;
  /** The question they are on: 1–7, or DONE. */
  step: number;
  wantsSupport: "yes" | "no" | null;
  anonymous: boolean;
  completedAt: Date | null;
}

/** A finished anonymous answer: its check-in, the group it came from and the answers, no one's. */
export interface AnonymousAnswer extends AnswerValues {
  checkInId: number;
  group: Group;
}

/** The step after the last question. */
export const DONE = 8;

/** The answer columns the questions fill in. */
export type AnswerField =
  | "attended"
  | "spoke"
  | "listened"
  | "comment"
  | "oneToOne"
  | "wantsSupport"
  | "anonymous";

export interface Question {
  step: number;
  field: AnswerField;
  text: string;
  /** The buttons: value → label. Questions 4 and 6 also open a form. */
  choices: Array<{ value: string; label: string; primary?: boolean }>;
}

/** The seven questions, in order, worded for a tired person on a phone. */
export const QUESTIONS: Question[] = [
  {
    step: 1,
    field: "attended",
    text: "Did you attend?",
    choices: [
      { value: "yes", label: "Yes, I was there" },
      { value: "no", label: "No, I couldn't come" },
    ],
  },
  {
    step: 2,
    field: "spoke",
    text: "Were you able to say what you wanted to?",
    choices: [
      { value: "fully", label: "Fully" },
      { value: "partly", label: "Partly" },
      { value: "not-really", label: "Not really" },
    ],
  },
  {
    step: 3,
    field: "listened",
    text: "Did you feel your views were listened to?",
    choices: [
      { value: "yes", label: "Yes" },
      { value: "partly", label: "Partly" },
      { value: "no", label: "No" },
    ],
  },
  {
    step: 4,
    field: "comment",
    text: "Is there anything you would like the chair to know? (optional)",
    choices: [{ value: "skip", label: "Nothing to add" }],
  },
  {
    step: 5,
    field: "oneToOne",
    text: "Would you like a one-to-one with the chair?",
    choices: [
      { value: "yes", label: "Yes, please" },
      { value: "no", label: "No, thanks" },
    ],
  },
  {
    step: 6,
    field: "wantsSupport",
    text: "Do you need any support? For example with travel, access, papers in another format, or how you are feeling. (optional)",
    choices: [{ value: "no", label: "No, thanks" }],
  },
  {
    step: 7,
    field: "anonymous",
    text: "Last one: shall I share your name with the chair, or keep your answers anonymous?",
    choices: [
      { value: "share", label: "Share my name", primary: true },
      { value: "anonymous", label: "Answer anonymously" },
    ],
  },
];

export function questionAt(step: number): Question | undefined {
  return QUESTIONS.find((q) => q.step === step);
}

/** Where a person goes after answering `step` with `value`: "no, I couldn't come" skips to 5. */
export function stepAfter(step: number, value: string): number {
  if (step === 1 && value === "no") return 5;
  return Math.min(step + 1, DONE);
}

/** True when the check-in can no longer be answered. */
export function isClosed(checkIn: CheckIn, now: Date): boolean {
  return checkIn.closedAt !== null || checkIn.closesAt.getTime() <= now.getTime();
}

/**
 * An answer counts (for the response rate, `/checkin status` and the reminder) once the person
 * has reached the end: only then have they said whether their name may be shown. Unfinished
 * answers are kept but never counted or shown.
 */
export function hasAnswered(answer: CheckInAnswer): boolean {
  return answer.completedAt !== null;
}
