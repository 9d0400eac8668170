/**
 * Read-only facts for "You said, we did" (PRODUCT.md §12): what members raised in other
 * features, in the shape `/outcomes` needs. Questions and support requests come only as counts,
 * so no one's words or name can reach the members' view through here.
 */
export interface OutcomeFacts {
  /** Every parked item of the workstream, oldest first, whatever became of it. */
  parked(workstreamId: number): OutcomeParked[];
  /** Every member suggestion for an agenda, oldest first, with the chair's answer. */
  suggestions(workstreamId: number): OutcomeSuggestion[];
  /** Questions on papers, counted per meeting (oldest meeting first). */
  questions(workstreamId: number): OutcomeQuestions[];
  /** Support requests, counted. */
  support(workstreamId: number): OutcomeSupport;
}

export interface OutcomeParked {
  seq: number;
  title: string;
  status: "parked" | "resolved" | "dropped";
  outcome: string | null;
  revisitOn: Date | null;
  fromDissentId: number | null;
  parkedAt: Date;
  closedAt: Date | null;
}

export interface OutcomeSuggestion {
  /** A-n once a chair accepted it; null while waiting or after a decline. */
  seq: number | null;
  text: string;
  status: "listed" | "suggested" | "declined" | "dropped";
  meetingId: number;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface OutcomeQuestions {
  meetingId: number;
  asked: number;
  answered: number;
  firstAskedAt: Date;
  /** When the oldest question still waiting for an answer was asked; null when all are answered. */
  oldestOpenAt: Date | null;
}

export interface OutcomeSupport {
  total: number;
  open: number;
  firstAt: Date | null;
  oldestOpenAt: Date | null;
}
