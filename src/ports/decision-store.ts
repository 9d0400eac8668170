import type { Decision } from "../domain/decision.ts";
import type { Meeting } from "../domain/entities.ts";

/** The decision log (PRODUCT.md §12). */
export interface DecisionStore {
  /** Records a decision with its linked dissent, under the next DC-n of its workstream. */
  create(input: {
    workstreamId: number;
    text: string;
    recordedBy: number;
    meetingId: number | null;
    dissentIds: number[];
    now: Date;
  }): Decision;
  byId(id: number): Decision | undefined;
  bySeq(workstreamId: number, seq: number): Decision | undefined;
  /** The whole log of one workstream, oldest first. */
  list(workstreamId: number): Decision[];
  /** The decisions this dissent is linked to, oldest first. */
  forDissent(dissentId: number): Decision[];
  /** A chair brings a decision made outside a meeting to this meeting. */
  bring(input: { id: number; meetingId: number; by: number }): void;
  /**
   * The meeting a decision made outside a meeting is (or was) brought to: the one a chair
   * named (or, if that was cancelled, the next after it), else the first meeting after the
   * decision, not cancelled. Undefined for a decision made in a meeting, or none booked yet.
   */
  broughtTo(decision: Decision): Meeting | undefined;
  /** Decisions made outside a meeting that this meeting brings to the group. */
  broughtToMeeting(meetingId: number): Decision[];
  /** Decisions made outside a meeting whose meeting (see broughtTo) has not ended yet. */
  countOutsideNotBrought(workstreamId: number): number;
  /**
   * The meeting a decision made now belongs to: the one in progress (started, not ended or
   * cancelled), else the one that ended most recently, if no longer ago than `endedSince`.
   */
  meetingFor(workstreamId: number, now: Date, endedSince: Date): Meeting | undefined;
}
