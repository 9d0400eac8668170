import type { Dissent, DissentEvent, DissentEventKind, DissentStatus } from "../domain/dissent.ts";

/** The dissent register. Every change also appends a history event; nothing is overwritten silently. */
export interface DissentStore {
  /** Records a view (with its 'recorded' event) and gives it the next D-n of its workstream. */
  create(input: {
    workstreamId: number;
    memberId: number;
    view: string;
    meetingId: number | null;
    recordedBy: number;
    status: DissentStatus;
    now: Date;
  }): Dissent;
  byId(id: number): Dissent | undefined;
  bySeq(workstreamId: number, seq: number): Dissent | undefined;
  /** The whole register of one workstream, oldest first (withdrawn ones too). */
  list(workstreamId: number): Dissent[];
  /** Changes the status and/or wording and appends the event; returns the event's id. */
  change(input: {
    dissentId: number;
    event: Exclude<DissentEventKind, "recorded">;
    actorId: number;
    now: Date;
    status: DissentStatus;
    newView?: string;
  }): number;
  /** Its events, oldest first. */
  history(dissentId: number): DissentEvent[];
  /** The meeting in progress at `now`, else the latest that has started (not cancelled). */
  meetingAt(workstreamId: number, now: Date): number | undefined;
}
