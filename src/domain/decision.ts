/**
 * A decision in the decision log, `DC-<seq>` in its workstream (PRODUCT.md §12). `meetingId` is
 * the meeting it was made in, or null when it was made outside a meeting; such a decision is
 * brought to the group at `bringMeetingId` (a chair's choice) or else at the next meeting.
 */
export interface Decision {
  id: number;
  workstreamId: number;
  seq: number;
  text: string;
  recordedBy: number;
  decidedAt: Date;
  meetingId: number | null;
  bringMeetingId: number | null;
  /** The linked dissent (ids of `dissent` rows), in the order given. */
  dissentIds: number[];
}

/** A decision is recorded in a meeting that ended no longer ago than this (PRODUCT.md §12). */
export const DECISION_MEETING_GRACE_HOURS = 12;

/** Items members raised that are still open after this long are flagged in the digest (issue 18). */
export const LONG_OPEN_WEEKS = 8;
