import type { AnonymousAnswer, CheckIn, CheckInAnswer } from "../domain/check-in.ts";
import type { ListenedPoint } from "../domain/check-in-summary.ts";
import type { Meeting } from "../domain/entities.ts";
import type { Group } from "../domain/roles.ts";

/** What one answer sets: a question's column and its value. */
export type AnswerPatch = Partial<{
  attended: "yes" | "no";
  spoke: "fully" | "partly" | "not-really";
  listened: "yes" | "partly" | "no";
  comment: string | null;
  oneToOne: "yes" | "no";
  wantsSupport: "yes" | "no";
  anonymous: boolean;
}>;

/** End-of-meeting check-ins and their answers (PRODUCT.md §4). */
export interface CheckInStore {
  /** Opens the meeting's check-in; an existing one is returned unchanged (`created` false). */
  open(input: { meetingId: number; workstreamId: number; openedAt: Date; remindAt: Date; closesAt: Date }): {
    checkIn: CheckIn;
    created: boolean;
  };
  byId(id: number): CheckIn | undefined;
  byMeeting(meetingId: number): CheckIn | undefined;
  /** The most recently opened check-in in a workstream. */
  latest(workstreamId: number): CheckIn | undefined;
  /** Open check-ins in a workstream (for the digest). */
  openIn(workstreamId: number): CheckIn[];
  /** Scheduled meetings whose end time has passed: their check-in is due (the scheduler's query). */
  meetingsEndedBy(now: Date): Meeting[];
  /** Open check-ins whose reminder is due and has not been queued yet. */
  dueForReminder(now: Date): CheckIn[];
  markRemindersQueued(id: number, at: Date): void;
  /** Open check-ins whose closing time has come. */
  dueToClose(now: Date): CheckIn[];
  /** Closes it; false when it was already closed. */
  close(id: number, at: Date): boolean;

  /** Creates the person's (empty) answer row when they are sent the check-in; no-op if present. */
  invite(input: { checkInId: number; personId: number; group: Group; now: Date }): boolean;
  answer(checkInId: number, personId: number): CheckInAnswer | undefined;
  /** Every invited person's row, by name. Anonymous ones say only that they answered. */
  answers(checkInId: number): CheckInAnswer[];
  /** The check-in's finished anonymous answers, tied to no one. */
  anonymousAnswers(checkInId: number): AnonymousAnswer[];
  /**
   * Moves a finished anonymous answer out of the person's row into an anonymous one, leaving
   * only the fact that they answered. False when the row is not a finished anonymous answer.
   */
  detachAnonymous(checkInId: number, personId: number): boolean;
  /**
   * Records the answer to the question at `fromStep` and moves on to `toStep` — only if the
   * person is still on `fromStep`. False means it was already answered (a double click or a
   * retried delivery), and nothing changed.
   */
  advance(input: {
    checkInId: number;
    personId: number;
    fromStep: number;
    toStep: number;
    patch: AnswerPatch;
    group: Group;
    now: Date;
  }): boolean;

  /**
   * "Felt listened to" counts per meeting and group, over the workstream's last `meetings`
   * closed check-ins; without coordinators' answers when asked (for a coordinator to read).
   */
  listenedTrend(workstreamId: number, meetings: number, leaveOutCoordinators?: boolean): ListenedPoint[];
  /** People who asked for a one-to-one by name in a check-in since `since` (for the one-to-one list). */
  oneToOneRequests(workstreamId: number, since: Date): Array<{ personId: number; at: Date }>;
}
