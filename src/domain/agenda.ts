/**
 * One item on a meeting's agenda (PRODUCT.md §11). `seq` (A-<seq>) is given when the item joins
 * the agenda: a chair's item at once, a parked item due for revisit when it falls due, a member's
 * suggestion when a chair accepts it (until then it is "suggested" and has no A-n).
 */
export interface AgendaItem {
  id: number;
  workstreamId: number;
  meetingId: number;
  seq: number | null;
  text: string;
  addedBy: number | null;
  source: AgendaSource;
  parkedId: number | null;
  status: AgendaStatus;
  decidedBy: number | null;
  reason: string | null;
  createdAt: Date;
}

export type AgendaSource = "chair" | "parked" | "suggestion";
export type AgendaStatus = "listed" | "suggested" | "declined" | "dropped";
