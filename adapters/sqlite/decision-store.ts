import { z } from "zod";
import type { Decision } from "../../src/domain/decision.ts";
import type { DecisionStore } from "../../src/ports/decision-store.ts";
import type { Db } from "./open.ts";
import { epochMs, MeetingRow, many, one, rowReader, toDate } from "./rows.ts";

const DecisionRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    text: z.string(),
    recorded_by: z.number(),
    decided_at: epochMs,
    meeting_id: z.number().nullable(),
    bring_meeting_id: z.number().nullable(),
    dissent_ids: z.string().nullable(),
  }),
  (r): Decision => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    text: r.text,
    recordedBy: r.recorded_by,
    decidedAt: toDate(r.decided_at),
    meetingId: r.meeting_id,
    bringMeetingId: r.bring_meeting_id,
    dissentIds: r.dissent_ids ? r.dissent_ids.split(",").map(Number) : [],
  }),
);

const SELECT = `SELECT d.*, (SELECT group_concat(dissent_id) FROM
  (SELECT dissent_id FROM decision_dissent WHERE decision_id = d.id ORDER BY rowid)) AS dissent_ids
  FROM decisions d`;

/**
 * The meeting an outside decision `d` is brought to (see DecisionStore.broughtTo), as one SQL
 * expression: the named meeting when it still stands, else the first one from its start (or
 * from the decision) that is not cancelled.
 */
const TARGET = `(SELECT m.id FROM meetings m
  WHERE m.workstream_id = d.workstream_id AND m.status != 'cancelled'
    AND m.starts_at >= COALESCE((SELECT b.starts_at FROM meetings b WHERE b.id = d.bring_meeting_id), d.decided_at)
  ORDER BY (m.id = d.bring_meeting_id) DESC, m.starts_at, m.id LIMIT 1)`;

export function createDecisionStore(db: Db): DecisionStore {
  const nextSeq = db.prepare(
    "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM decisions WHERE workstream_id = ?",
  );
  const insert = db.prepare(
    `INSERT INTO decisions (workstream_id, seq, text, recorded_by, decided_at, meeting_id)
     VALUES (@workstreamId, @seq, @text, @recordedBy, @now, @meetingId)`,
  );
  const link = db.prepare("INSERT OR IGNORE INTO decision_dissent (decision_id, dissent_id) VALUES (?, ?)");
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const bySeq = db.prepare(`${SELECT} WHERE d.workstream_id = ? AND d.seq = ?`);
  const list = db.prepare(`${SELECT} WHERE d.workstream_id = ? ORDER BY d.seq`);
  const forDissent = db.prepare(
    `${SELECT} WHERE d.id IN (SELECT decision_id FROM decision_dissent WHERE dissent_id = ?) ORDER BY d.seq`,
  );
  const bring = db.prepare("UPDATE decisions SET bring_meeting_id = ?, brought_by = ? WHERE id = ?");
  const target = db.prepare(
    `SELECT * FROM meetings WHERE id = (SELECT ${TARGET} FROM decisions d WHERE d.id = ?)`,
  );
  const toMeeting = db.prepare(
    `${SELECT} WHERE d.meeting_id IS NULL
       AND d.workstream_id = (SELECT workstream_id FROM meetings WHERE id = @meetingId)
       AND ${TARGET} = @meetingId ORDER BY d.seq`,
  );
  const notBrought = db.prepare(
    `SELECT COUNT(*) FROM decisions d WHERE d.workstream_id = ? AND d.meeting_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM meetings e WHERE e.id = ${TARGET} AND e.status = 'ended')`,
  );
  const inProgress = db.prepare(
    `SELECT * FROM meetings WHERE workstream_id = ? AND status = 'scheduled' AND starts_at <= ? AND ends_at >= ?
     ORDER BY starts_at DESC, id DESC LIMIT 1`,
  );
  const recentlyEnded = db.prepare(
    `SELECT * FROM meetings WHERE workstream_id = ? AND status = 'ended' AND ended_at >= ?
     ORDER BY ended_at DESC, id DESC LIMIT 1`,
  );
  const get = (id: number) => one(DecisionRow, byId.get(id));

  return {
    create(input) {
      const seq = (nextSeq.get(input.workstreamId) as { seq: number }).seq;
      const result = insert.run({
        workstreamId: input.workstreamId,
        seq,
        text: input.text,
        recordedBy: input.recordedBy,
        now: input.now.getTime(),
        meetingId: input.meetingId,
      });
      const id = Number(result.lastInsertRowid);
      for (const dissentId of input.dissentIds) link.run(id, dissentId);
      return get(id) as Decision;
    },
    byId: get,
    bySeq: (workstreamId, seq) => one(DecisionRow, bySeq.get(workstreamId, seq)),
    list: (workstreamId) => many(DecisionRow, list.all(workstreamId)),
    forDissent: (dissentId) => many(DecisionRow, forDissent.all(dissentId)),
    bring: ({ id, meetingId, by }) => {
      bring.run(meetingId, by, id);
    },
    broughtTo: (decision) =>
      decision.meetingId === null ? one(MeetingRow, target.get(decision.id)) : undefined,
    broughtToMeeting: (meetingId) => many(DecisionRow, toMeeting.all({ meetingId })),
    countOutsideNotBrought: (workstreamId) => notBrought.pluck().get(workstreamId) as number,
    meetingFor: (workstreamId, now, endedSince) =>
      one(MeetingRow, inProgress.get(workstreamId, now.getTime(), endedSince.getTime())) ??
      one(MeetingRow, recentlyEnded.get(workstreamId, endedSince.getTime())),
  };
}
