import type { OutcomeFacts, OutcomeSuggestion } from "../../src/ports/outcome-facts.ts";
import type { Db } from "./open.ts";

type Ms = number | null;
const date = (ms: Ms) => (ms === null ? null : new Date(ms));

/** "You said, we did"'s read-only queries over the parking lot, agendas, papers and support. */
export function createOutcomeFacts(db: Db): OutcomeFacts {
  const parked = db.prepare(
    `SELECT seq, title, status, outcome, revisit_on, from_dissent_id, parked_at, closed_at
     FROM parked_items WHERE workstream_id = ? ORDER BY parked_at, seq`,
  );
  const suggestions = db.prepare(
    `SELECT seq, text, status, meeting_id, created_at, decided_at FROM agenda_items
     WHERE workstream_id = ? AND source = 'suggestion' ORDER BY created_at, id`,
  );
  const questions = db.prepare(
    `SELECT q.meeting_id, COUNT(*) AS asked, COUNT(q.answered_at) AS answered, MIN(q.asked_at) AS first_at,
            MIN(CASE WHEN q.answered_at IS NULL THEN q.asked_at END) AS oldest_open
     FROM paper_questions q JOIN meetings m ON m.id = q.meeting_id
     WHERE q.workstream_id = ? GROUP BY q.meeting_id ORDER BY m.starts_at, q.meeting_id`,
  );
  const support = db.prepare(
    `SELECT COUNT(*) AS total, COUNT(CASE WHEN status = 'open' THEN 1 END) AS open, MIN(created_at) AS first_at,
            MIN(CASE WHEN status = 'open' THEN created_at END) AS oldest_open
     FROM support_requests WHERE workstream_id = ?`,
  );
  return {
    parked: (workstreamId) =>
      (
        parked.all(workstreamId) as Array<{
          seq: number;
          title: string;
          status: "parked" | "resolved" | "dropped";
          outcome: string | null;
          revisit_on: Ms;
          from_dissent_id: number | null;
          parked_at: number;
          closed_at: Ms;
        }>
      ).map((r) => ({
        seq: r.seq,
        title: r.title,
        status: r.status,
        outcome: r.outcome,
        revisitOn: date(r.revisit_on),
        fromDissentId: r.from_dissent_id,
        parkedAt: new Date(r.parked_at),
        closedAt: date(r.closed_at),
      })),
    suggestions: (workstreamId) =>
      (
        suggestions.all(workstreamId) as Array<{
          seq: number | null;
          text: string;
          status: OutcomeSuggestion["status"];
          meeting_id: number;
          created_at: number;
          decided_at: Ms;
        }>
      ).map((r) => ({
        seq: r.seq,
        text: r.text,
        status: r.status,
        meetingId: r.meeting_id,
        createdAt: new Date(r.created_at),
        decidedAt: date(r.decided_at),
      })),
    questions: (workstreamId) =>
      (
        questions.all(workstreamId) as Array<{
          meeting_id: number;
          asked: number;
          answered: number;
          first_at: number;
          oldest_open: Ms;
        }>
      ).map((r) => ({
        meetingId: r.meeting_id,
        asked: r.asked,
        answered: r.answered,
        firstAskedAt: new Date(r.first_at),
        oldestOpenAt: date(r.oldest_open),
      })),
    support(workstreamId) {
      const r = support.get(workstreamId) as { total: number; open: number; first_at: Ms; oldest_open: Ms };
      return { total: r.total, open: r.open, firstAt: date(r.first_at), oldestOpenAt: date(r.oldest_open) };
    },
  };
}
