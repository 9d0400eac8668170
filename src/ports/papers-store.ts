import type {
  FormatRequest,
  GlossaryTerm,
  Paper,
  PaperDistribution,
  PaperFormat,
  PaperQuestion,
} from "../domain/papers.ts";

/** Per meeting, what the coordinator digest needs about its papers. */
export interface MeetingPapersStatus {
  meetingId: number;
  seq: number;
  title: string;
  startsAt: Date;
  /** How many papers the meeting has (0: missing). */
  papers: number;
  /** When the papers went out, or null if they have not yet. */
  sentAt: Date | null;
  /** True when they went out later than the lead time, or a paper was added afterwards. */
  late: boolean;
  /** Active members who have not said they've read them; null until the papers went out. */
  unread: number | null;
}

/** Papers, their distribution, read confirmations, questions to the chair and format requests. */
export interface PapersStore {
  add(input: {
    workstreamId: number;
    meetingId: number;
    link: string;
    title: string;
    summary: string | null;
    addedBy: number;
    now: Date;
  }): Paper;
  /** A meeting's papers, in the order they were added (never one that was removed). */
  forMeeting(meetingId: number): Paper[];
  /** The paper PA-<seq> of a workstream, unless it was removed. */
  bySeq(workstreamId: number, seq: number): Paper | undefined;
  /** Takes a paper off its meeting (it is kept, so its PA-n is never reused); false if it already was. */
  remove(paperId: number, now: Date): boolean;
  /** Marks papers as gone out now (late: after the others had). */
  markSent(paperIds: number[], at: Date, late: boolean): void;
  distribution(meetingId: number): PaperDistribution | undefined;
  /** Records the first sending of a meeting's papers; false if it was recorded before. */
  recordDistribution(input: { meetingId: number; dueAt: Date; sentAt: Date; late: boolean }): boolean;
  /** A paper went out after the others: the meeting now counts as late. */
  markDistributionLate(meetingId: number): void;
  /** "I've read them"; true the first time for this meeting and person, false on a repeat. */
  confirmRead(meetingId: number, personId: number, now: Date): boolean;
  /** The people who have said they've read this meeting's papers. */
  readers(meetingId: number): number[];
  addQuestion(input: {
    workstreamId: number;
    meetingId: number;
    personId: number;
    question: string;
    now: Date;
  }): PaperQuestion;
  question(id: number): PaperQuestion | undefined;
  /** One person's questions in a workstream, newest first (for `/mine`). */
  questionsOf(workstreamId: number, personId: number): PaperQuestion[];
  /** Stores the answer unless one was given already; true when this one was stored. */
  answerQuestion(id: number, answer: string, by: number, now: Date): boolean;
  addFormatRequest(input: {
    workstreamId: number;
    meetingId: number;
    personId: number;
    format: PaperFormat;
    details: string | null;
    supportRequestId: number | null;
    now: Date;
  }): FormatRequest;
  /** Open "another format" requests in a workstream (for the coordinators). */
  openFormatRequests(workstreamId: number): FormatRequest[];
  /** Scheduled meetings starting in [from, to) with their paper status, soonest first. */
  status(workstreamId: number, from: Date, to: Date): MeetingPapersStatus[];
}

/** The workstream's plain meanings of its jargon. Terms are matched without regard to case. */
export interface GlossaryStore {
  /** Adds the term, or replaces its meaning; true when it was new. */
  upsert(input: { workstreamId: number; term: string; meaning: string; by: number; now: Date }): boolean;
  get(workstreamId: number, term: string): GlossaryTerm | undefined;
  /** Every term, alphabetically. */
  list(workstreamId: number): GlossaryTerm[];
  /** Takes the term out; false when it wasn't there. */
  remove(workstreamId: number, term: string): boolean;
}
