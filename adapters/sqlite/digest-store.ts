import type { DigestFacts } from "../../src/ports/digest-store.ts";
import type { Db } from "./open.ts";

/** The digest's read-only queries over the core tables (migrations/001). */
export function createDigestFacts(db: Db): DigestFacts {
  const past = db.prepare(
    `SELECT id, seq, title, starts_at FROM meetings
     WHERE workstream_id = ? AND status != 'cancelled' AND ends_at <= ? ORDER BY starts_at DESC LIMIT ?`,
  );
  const attendance = db.prepare("SELECT person_id, answer FROM attendance WHERE meeting_id = ?");
  return {
    pastMeetings: (workstreamId, now, limit) =>
      (
        past.all(workstreamId, now.getTime(), limit) as Array<{
          id: number;
          seq: number;
          title: string;
          starts_at: number;
        }>
      ).map((m) => ({ id: m.id, seq: m.seq, title: m.title, startsAt: new Date(m.starts_at) })),
    attendance: (meetingId) =>
      (attendance.all(meetingId) as Array<{ person_id: number; answer: "yes" | "no" }>).map((a) => ({
        personId: a.person_id,
        answer: a.answer,
      })),
  };
}
