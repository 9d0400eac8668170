import { z } from "zod";
import type { AgendaItem } from "../../src/domain/agenda.ts";
import type { AgendaStore } from "../../src/ports/agenda-store.ts";
import type { Db } from "./open.ts";
import { epochMs, many, one, rowReader, toDate } from "./rows.ts";

const AgendaRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    meeting_id: z.number(),
    seq: z.number().nullable(),
    text: z.string(),
    added_by: z.number().nullable(),
    source: z.enum(["chair", "parked", "suggestion"]),
    parked_id: z.number().nullable(),
    status: z.enum(["listed", "suggested", "declined", "dropped"]),
    decided_by: z.number().nullable(),
    reason: z.string().nullable(),
    created_at: epochMs,
  }),
  (r): AgendaItem => ({
    id: r.id,
    workstreamId: r.workstream_id,
    meetingId: r.meeting_id,
    seq: r.seq,
    text: r.text,
    addedBy: r.added_by,
    source: r.source,
    parkedId: r.parked_id,
    status: r.status,
    decidedBy: r.decided_by,
    reason: r.reason,
    createdAt: toDate(r.created_at),
  }),
);

export function createAgendaStore(db: Db): AgendaStore {
  const nextSeq = db.prepare(
    "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM agenda_items WHERE workstream_id = ?",
  );
  const insert = db.prepare(
    `INSERT INTO agenda_items (workstream_id, meeting_id, seq, text, added_by, source, parked_id, status, created_at)
     VALUES (@workstreamId, @meetingId, @seq, @text, @addedBy, @source, @parkedId, @status, @now)`,
  );
  const parkedJoined = db.prepare("SELECT 1 FROM agenda_items WHERE meeting_id = ? AND parked_id = ?");
  const byId = db.prepare("SELECT * FROM agenda_items WHERE id = ?");
  const bySeq = db.prepare("SELECT * FROM agenda_items WHERE workstream_id = ? AND seq = ?");
  const forMeeting = db.prepare(
    "SELECT * FROM agenda_items WHERE meeting_id = ? AND status = 'listed' ORDER BY seq",
  );
  const decide = db.prepare(
    `UPDATE agenda_items SET status = @status, seq = @seq, decided_by = @by, reason = @reason, decided_at = @now
     WHERE id = @id AND status = 'suggested'`,
  );
  const drop = db.prepare(
    "UPDATE agenda_items SET status = 'dropped', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'listed'",
  );
  const bump = db.prepare(
    `INSERT INTO agenda_versions (meeting_id, version) VALUES (?, 1)
     ON CONFLICT (meeting_id) DO UPDATE SET version = version + 1 RETURNING version`,
  );
  const suggested = db.prepare(
    "SELECT * FROM agenda_items WHERE meeting_id = ? AND status = 'suggested' ORDER BY id",
  );
  const withParked = db.prepare(
    "SELECT meeting_id FROM agenda_items WHERE parked_id = ? AND status = 'listed' ORDER BY meeting_id",
  );
  const seqFor = (workstreamId: number) => (nextSeq.get(workstreamId) as { seq: number }).seq;
  const get = (id: number) => one(AgendaRow, byId.get(id));

  return {
    add(input) {
      const listed = input.source === "chair";
      const result = insert.run({
        workstreamId: input.workstreamId,
        meetingId: input.meetingId,
        seq: listed ? seqFor(input.workstreamId) : null,
        text: input.text,
        addedBy: input.addedBy,
        source: input.source,
        parkedId: null,
        status: listed ? "listed" : "suggested",
        now: input.now.getTime(),
      });
      return get(Number(result.lastInsertRowid)) as AgendaItem;
    },
    addParked(input) {
      if (parkedJoined.get(input.meetingId, input.parkedId)) return undefined;
      const result = insert.run({
        workstreamId: input.workstreamId,
        meetingId: input.meetingId,
        seq: seqFor(input.workstreamId),
        text: input.text,
        addedBy: null,
        source: "parked",
        parkedId: input.parkedId,
        status: "listed",
        now: input.now.getTime(),
      });
      return get(Number(result.lastInsertRowid));
    },
    byId: get,
    bySeq: (workstreamId, seq) => one(AgendaRow, bySeq.get(workstreamId, seq)),
    forMeeting: (meetingId) => many(AgendaRow, forMeeting.all(meetingId)),
    decide(input) {
      const item = get(input.id);
      if (item?.status !== "suggested") return undefined;
      const changed = decide.run({
        id: input.id,
        status: input.accept ? "listed" : "declined",
        seq: input.accept ? seqFor(item.workstreamId) : null,
        by: input.by,
        reason: input.reason,
        now: input.now.getTime(),
      }).changes;
      return changed === 1 ? get(input.id) : undefined;
    },
    drop: (id, by, now) => drop.run(by, now.getTime(), id).changes === 1,
    suggestedFor: (meetingId) => many(AgendaRow, suggested.all(meetingId)),
    meetingsWithParked: (parkedId) => withParked.pluck().all(parkedId) as number[],
    bumpVersion: (meetingId) => (bump.get(meetingId) as { version: number }).version,
  };
}
