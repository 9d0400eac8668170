import { DateTime } from "luxon";
import type { Meeting } from "./entities.ts";
import type { Settings } from "./settings.ts";
import { HOUR } from "./time.ts";

/** A paper for one meeting: a link, a title and, where given, a plain-language summary. */
export interface Paper {
  id: number;
  workstreamId: number;
  /** The short id people type: PA-<seq>. */
  seq: number;
  meetingId: number;
  link: string;
  title: string;
  summary: string | null;
  addedBy: number;
  addedAt: Date;
  /** When it went out to members; null until then. */
  sentAt: Date | null;
  /** True when it went out after the meeting's papers had already been sent. */
  late: boolean;
}

/** When a meeting's papers went out, against when the lead time said they should. */
export interface PaperDistribution {
  meetingId: number;
  dueAt: Date;
  sentAt: Date;
  late: boolean;
}

/** A member's question to the chairs about a meeting's papers, and the answer once given. */
export interface PaperQuestion {
  id: number;
  workstreamId: number;
  meetingId: number;
  personId: number;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: Date | null;
}

/** The formats a member may ask for instead of (or as well as) the links. */
export const PAPER_FORMATS = ["large-print", "easy-read", "printed-post", "audio", "other"] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** How each format is said to people ("…the papers in large print"). */
export const FORMAT_WORDS: Record<PaperFormat, { label: string; phrase: string }> = {
  "large-print": { label: "Large print", phrase: "in large print" },
  "easy-read": { label: "Easy read", phrase: "in easy read" },
  "printed-post": { label: "A printed copy by post", phrase: "as a printed copy by post" },
  audio: { label: "Audio", phrase: "as audio" },
  other: { label: "Something else", phrase: "in another format" },
};

/** "Another format, please": a support request for the coordinators. */
export interface FormatRequest {
  id: number;
  workstreamId: number;
  meetingId: number;
  personId: number;
  format: PaperFormat;
  details: string | null;
  /** The support request (S-n) the coordinators track it by. */
  supportRequestId: number | null;
  requestedAt: Date;
  status: "open" | "done";
}

/** One plain meaning in a workstream's glossary. */
export interface GlossaryTerm {
  id: number;
  workstreamId: number;
  term: string;
  meaning: string;
  updatedAt: Date;
}

/**
 * When a meeting's papers are due to go out: `papers-lead-days` before it starts, at the same
 * wall-clock time in the workstream's zone (so a clock change does not move it by an hour).
 */
export function papersDueAt(meeting: Meeting, settings: Settings): Date {
  return daysBefore(meeting.startsAt, settings["papers-lead-days"], settings.timezone);
}

/**
 * When members who have not confirmed reading get their one reminder: `papers-reminder-days`
 * before the meeting, but never sooner than a day after the papers went out (a reminder
 * arriving with the papers themselves would only be noise).
 */
export function papersReminderAt(meeting: Meeting, settings: Settings, sentAt: Date): Date {
  const byLead = daysBefore(meeting.startsAt, settings["papers-reminder-days"], settings.timezone);
  return new Date(Math.max(byLead.getTime(), sentAt.getTime() + 24 * HOUR));
}

/**
 * Papers that go out more than this after they were due count as late. A tick runs every
 * minute and a restart takes a little while; neither should make a meeting look late.
 */
export const LATE_GRACE_MS = HOUR;

export function isLate(sentAt: Date, dueAt: Date): boolean {
  return sentAt.getTime() > dueAt.getTime() + LATE_GRACE_MS;
}

function daysBefore(at: Date, days: number, zone: string): Date {
  return DateTime.fromJSDate(at, { zone }).minus({ days }).toJSDate();
}
