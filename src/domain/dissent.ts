/** Where a recorded dissent stands: a chair's record waits for the member to confirm it. */
export type DissentStatus = "awaiting-confirmation" | "confirmed" | "withdrawn";

/** A member's recorded view, `D-<seq>` in its workstream (PRODUCT.md §4). */
export interface Dissent {
  id: number;
  workstreamId: number;
  seq: number;
  /** Whose view it is. */
  memberId: number;
  /** The current wording; earlier wordings are in its history. */
  view: string;
  /** The meeting in progress when it was recorded, else the latest one; null before any. */
  meetingId: number | null;
  recordedBy: number;
  recordedAt: Date;
  status: DissentStatus;
}

export type DissentEventKind = "recorded" | "confirmed" | "edited" | "withdrawn";

/** One entry in a dissent's append-only history. */
export interface DissentEvent {
  id: number;
  dissentId: number;
  event: DissentEventKind;
  actorId: number;
  at: Date;
  oldView: string | null;
  newView: string | null;
}
