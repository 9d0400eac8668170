import type { SupportStore } from "../../src/ports/support-store.ts";
import { SupportRow } from "./checkin-rows.ts";
import type { Db } from "./open.ts";
import { many, one } from "./rows.ts";

const SELECT = "SELECT s.*, p.name FROM support_requests s JOIN people p ON p.id = s.person_id";

export function createSupportStore(db: Db): SupportStore {
  const insert = db.prepare(
    `INSERT INTO support_requests (workstream_id, seq, person_id, kind, need, source, checkin_id, created_at)
     VALUES (@workstreamId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM support_requests WHERE workstream_id = @workstreamId),
             @personId, @kind, @need, @source, @checkInId, @now) RETURNING id`,
  );
  const byId = db.prepare(`${SELECT} WHERE s.id = ?`);
  const bySeq = db.prepare(`${SELECT} WHERE s.workstream_id = ? AND s.seq = ?`);
  const forCheckIn = db.prepare(`${SELECT} WHERE s.checkin_id = ? AND s.person_id = ?`);
  const openIn = db.prepare(`${SELECT} WHERE s.workstream_id = ? AND s.status = 'open' ORDER BY s.seq`);
  const ofPerson = db.prepare(`${SELECT} WHERE s.workstream_id = ? AND s.person_id = ? ORDER BY s.seq DESC`);
  const done = db.prepare(
    "UPDATE support_requests SET status = 'done', closed_by = ?, closed_at = ? WHERE id = ? AND status = 'open'",
  );
  return {
    create(input) {
      const { id } = insert.get({
        workstreamId: input.workstreamId,
        personId: input.personId,
        kind: input.kind,
        need: input.need,
        source: input.source,
        checkInId: input.checkInId ?? null,
        now: input.now.getTime(),
      }) as { id: number };
      return SupportRow.parse(byId.get(id));
    },
    bySeq: (workstreamId, seq) => one(SupportRow, bySeq.get(workstreamId, seq)),
    forCheckIn: (checkInId, personId) => one(SupportRow, forCheckIn.get(checkInId, personId)),
    openIn: (workstreamId) => many(SupportRow, openIn.all(workstreamId)),
    ofPerson: (workstreamId, personId) => many(SupportRow, ofPerson.all(workstreamId, personId)),
    markDone: (id, byPersonId, at) => done.run(byPersonId, at.getTime(), id).changes === 1,
  };
}
