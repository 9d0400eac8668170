import type { SupportKind, SupportRequest, SupportSource } from "../domain/support.ts";

/** Private support requests (S-n): the person's own, and every open one for coordinators. */
export interface SupportStore {
  create(input: {
    workstreamId: number;
    personId: number;
    kind: SupportKind;
    need: string;
    source: SupportSource;
    checkInId?: number;
    now: Date;
  }): SupportRequest;
  bySeq(workstreamId: number, seq: number): SupportRequest | undefined;
  /** The request a check-in's support question made for this person, if any. */
  forCheckIn(checkInId: number, personId: number): SupportRequest | undefined;
  /** Open requests in a workstream, oldest first. */
  openIn(workstreamId: number): SupportRequest[];
  /** One person's requests in a workstream, newest first (open and done). */
  ofPerson(workstreamId: number, personId: number): SupportRequest[];
  /** Marks it done; false when it already was. */
  markDone(id: number, byPersonId: number, at: Date): boolean;
}
