import type { DissentStore } from "../../src/ports/dissent-store.ts";
import { DissentEventRow, DissentRow } from "./dissent-rows.ts";
import type { Db } from "./open.ts";
import { many, one } from "./rows.ts";

export function createDissentStore(db: Db): DissentStore {
  const insert = db.prepare(
    `INSERT INTO dissent (workstream_id, seq, member_id, view, meeting_id, recorded_by, recorded_at, status)
     VALUES (@workstreamId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dissent WHERE workstream_id = @workstreamId),
             @memberId, @view, @meetingId, @recordedBy, @now, @status) RETURNING *`,
  );
  const addEvent = db.prepare(
    `INSERT INTO dissent_history (dissent_id, event, actor_id, at, old_view, new_view)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare("SELECT * FROM dissent WHERE id = ?");
  const bySeq = db.prepare("SELECT * FROM dissent WHERE workstream_id = ? AND seq = ?");
  const list = db.prepare("SELECT * FROM dissent WHERE workstream_id = ? ORDER BY seq");
  const setStatus = db.prepare("UPDATE dissent SET status = ? WHERE id = ?");
  const setView = db.prepare("UPDATE dissent SET status = ?, view = ? WHERE id = ?");
  const history = db.prepare("SELECT * FROM dissent_history WHERE dissent_id = ? ORDER BY id");
  // "In progress" first (started, not yet over), else the most recent start; cancelled ones never.
  const meetingAt = db.prepare(
    `SELECT id FROM meetings WHERE workstream_id = ? AND status != 'cancelled' AND starts_at <= ?
     ORDER BY (status = 'scheduled' AND ends_at > ?) DESC, starts_at DESC LIMIT 1`,
  );
  return {
    create(input) {
      const row = DissentRow.parse(
        insert.get({
          workstreamId: input.workstreamId,
          memberId: input.memberId,
          view: input.view,
          meetingId: input.meetingId,
          recordedBy: input.recordedBy,
          now: input.now.getTime(),
          status: input.status,
        }),
      );
      addEvent.run(row.id, "recorded", input.recordedBy, input.now.getTime(), null, input.view);
      return row;
    },
    byId: (id) => one(DissentRow, byId.get(id)),
    bySeq: (workstreamId, seq) => one(DissentRow, bySeq.get(workstreamId, seq)),
    list: (workstreamId) => many(DissentRow, list.all(workstreamId)),
    change(input) {
      const before = DissentRow.parse(byId.get(input.dissentId));
      if (input.newView !== undefined) setView.run(input.status, input.newView, input.dissentId);
      else setStatus.run(input.status, input.dissentId);
      const edited = input.newView !== undefined;
      return Number(
        addEvent.run(
          input.dissentId,
          input.event,
          input.actorId,
          input.now.getTime(),
          edited ? before.view : null,
          edited ? (input.newView ?? null) : null,
        ).lastInsertRowid,
      );
    },
    history: (dissentId) => many(DissentEventRow, history.all(dissentId)),
    meetingAt(workstreamId, now) {
      const row = meetingAt.get(workstreamId, now.getTime(), now.getTime()) as { id: number } | undefined;
      return row?.id;
    },
  };
}
