import type { Attendance } from "../../src/domain/entities.ts";
import type { MeetingStore } from "../../src/ports/store.ts";
import type { Db } from "./open.ts";
import { MeetingRow, many, one } from "./rows.ts";

export function createMeetingStore(db: Db): MeetingStore {
  const insert = db.prepare(
    `INSERT INTO meetings (workstream_id, seq, title, starts_at, ends_at, created_at)
     VALUES (@workstreamId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM meetings WHERE workstream_id = @workstreamId),
             @title, @startsAt, @endsAt, @now) RETURNING *`,
  );
  const bySeq = db.prepare("SELECT * FROM meetings WHERE workstream_id = ? AND seq = ?");
  const byId = db.prepare("SELECT * FROM meetings WHERE id = ?");
  const upcoming = db.prepare(
    "SELECT * FROM meetings WHERE workstream_id = ? AND status = 'scheduled' AND ends_at > ? ORDER BY starts_at",
  );
  const startingBetween = db.prepare(
    "SELECT * FROM meetings WHERE status = 'scheduled' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at",
  );
  const firstFrom = db.prepare(
    `SELECT * FROM meetings WHERE workstream_id = ? AND status <> 'cancelled' AND starts_at >= ?
     ORDER BY starts_at LIMIT 1`,
  );
  const setStatus = db.prepare("UPDATE meetings SET status = ?, ended_at = ? WHERE id = ?");
  const setAttendance = db.prepare(
    `INSERT INTO attendance (meeting_id, person_id, answer, answered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(meeting_id, person_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
  );
  const attendance = db.prepare("SELECT answer FROM attendance WHERE meeting_id = ? AND person_id = ?");
  const setPlace = db.prepare("UPDATE meetings SET place = ? WHERE id = ?");
  const setTitle = db.prepare("UPDATE meetings SET title = ? WHERE id = ?");
  const setTimes = db.prepare(
    "UPDATE meetings SET starts_at = ?, ends_at = ?, moves = moves + ? WHERE id = ?",
  );
  return {
    create: (input) =>
      MeetingRow.parse(
        insert.get({
          workstreamId: input.workstreamId,
          title: input.title,
          startsAt: input.startsAt.getTime(),
          endsAt: input.endsAt.getTime(),
          now: input.now.getTime(),
        }),
      ),
    bySeq: (workstreamId, seq) => one(MeetingRow, bySeq.get(workstreamId, seq)),
    byId: (id) => one(MeetingRow, byId.get(id)),
    upcoming: (workstreamId, now) => many(MeetingRow, upcoming.all(workstreamId, now.getTime())),
    firstFrom: (workstreamId, from) => one(MeetingRow, firstFrom.get(workstreamId, from.getTime())),
    startingBetween: (from, to) => many(MeetingRow, startingBetween.all(from.getTime(), to.getTime())),
    setStatus(id, status, at) {
      setStatus.run(status, status === "ended" ? at.getTime() : null, id);
    },
    setAttendance(meetingId, personId, answer, now) {
      setAttendance.run(meetingId, personId, answer, now.getTime());
    },
    attendance: (meetingId, personId) =>
      (attendance.get(meetingId, personId) as { answer: Attendance } | undefined)?.answer,
    setPlace(id, place) {
      setPlace.run(place, id);
    },
    setTitle(id, title) {
      setTitle.run(title, id);
    },
    setTimes(id, times) {
      setTimes.run(times.startsAt.getTime(), times.endsAt.getTime(), times.moved ? 1 : 0, id);
    },
  };
}
