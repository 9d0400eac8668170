import type { ParkedEvent, ParkedItem } from "../domain/parked-item.ts";

/** The parking lot. Every change also appends a history event. */
export interface ParkingStore {
  /** Parks an item (with its 'parked' event) under the next P-n of its workstream. */
  create(input: {
    workstreamId: number;
    title: string;
    raisedBy: number | null;
    parkedBy: number;
    ownerId: number | null;
    revisitOn: Date | null;
    fromDissentId: number | null;
    now: Date;
  }): ParkedItem;
  byId(id: number): ParkedItem | undefined;
  bySeq(workstreamId: number, seq: number): ParkedItem | undefined;
  /** Open items of one workstream, oldest first. */
  open(workstreamId: number): ParkedItem[];
  /** The open item made from this dissent, if any. */
  openFromDissent(dissentId: number): ParkedItem | undefined;
  /** Resolves or drops an item, with its outcome or reason. */
  close(input: {
    id: number;
    status: "resolved" | "dropped";
    outcome: string;
    actorId: number;
    now: Date;
  }): void;
  setRevisit(input: { id: number; revisitOn: Date; actorId: number; now: Date }): void;
  history(parkedId: number): ParkedEvent[];
  /**
   * The reminder rule's query, across all workstreams: open items whose revisit date is after
   * their workstream's latest meeting (not cancelled) to have started by `now`, and no later
   * than `horizon`. Items with an earlier date have had their meeting; so it does not grow
   * with history.
   */
  openWithRevisitDue(now: Date, horizon: Date): ParkedItem[];
  /** Open items parked before `parkedBefore` with no revisit date: for the coordinator digest. */
  staleWithoutRevisit(workstreamId: number, parkedBefore: Date): ParkedItem[];
  /** Whether this chair was already reminded about this item for this meeting. */
  wasReminded(parkedId: number, meetingId: number, chairId: number): boolean;
  markReminded(input: { parkedIds: number[]; meetingId: number; chairId: number; outboxKey: string }): void;
  /** The outbox keys of the reminders that mention this item. */
  reminderKeys(parkedId: number): string[];
  /** Forgets the reminders sent with this outbox key (after a still-pending one was taken back). */
  forgetReminder(outboxKey: string): void;
}
