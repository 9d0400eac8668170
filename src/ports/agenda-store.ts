import type { AgendaItem } from "../domain/agenda.ts";

/** Meetings' agendas: items, suggestions waiting for a chair, and a version per meeting. */
export interface AgendaStore {
  /** A chair's item (listed at once, with the next A-n) or a member's suggestion (no A-n yet). */
  add(input: {
    workstreamId: number;
    meetingId: number;
    text: string;
    addedBy: number;
    source: "chair" | "suggestion";
    now: Date;
  }): AgendaItem;
  /** A parked item due at this meeting joins its agenda; undefined when it had already joined. */
  addParked(input: {
    workstreamId: number;
    meetingId: number;
    parkedId: number;
    text: string;
    now: Date;
  }): AgendaItem | undefined;
  byId(id: number): AgendaItem | undefined;
  bySeq(workstreamId: number, seq: number): AgendaItem | undefined;
  /** The items on this meeting's agenda (listed), in the order they joined. */
  forMeeting(meetingId: number): AgendaItem[];
  /**
   * A chair's answer to a suggestion: listed (it gets its A-n) or declined. Only a suggestion
   * still waiting changes; returns the item as it is afterwards, or undefined if it was not waiting.
   */
  decide(input: {
    id: number;
    accept: boolean;
    by: number;
    reason: string | null;
    now: Date;
  }): AgendaItem | undefined;
  /** Takes a listed item off the agenda; false if it was not on it. */
  drop(id: number, by: number, now: Date): boolean;
  /** Members' suggestions for this meeting still waiting for a chair's answer, oldest first. */
  suggestedFor(meetingId: number): AgendaItem[];
  /** The meetings on whose agenda this parked item is listed. */
  meetingsWithParked(parkedId: number): number[];
  /** Records a change to this meeting's agenda; returns the new version (1, 2, …). */
  bumpVersion(meetingId: number): number;
}
