import type { ParkingStore } from "../../src/ports/parking-store.ts";
import { ParkedEventRow, ParkedRow } from "./dissent-rows.ts";
import type { Db } from "./open.ts";
import { many, one } from "./rows.ts";

export function createParkingStore(db: Db): ParkingStore {
  const insert = db.prepare(
    `INSERT INTO parked_items (workstream_id, seq, title, raised_by, parked_by, owner_id, revisit_on, from_dissent_id, parked_at)
     VALUES (@workstreamId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM parked_items WHERE workstream_id = @workstreamId),
             @title, @raisedBy, @parkedBy, @ownerId, @revisitOn, @fromDissentId, @now) RETURNING *`,
  );
  const addEvent = db.prepare(
    `INSERT INTO parked_history (parked_id, event, actor_id, at, detail, old_revisit, new_revisit)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare("SELECT * FROM parked_items WHERE id = ?");
  const bySeq = db.prepare("SELECT * FROM parked_items WHERE workstream_id = ? AND seq = ?");
  const open = db.prepare(
    "SELECT * FROM parked_items WHERE workstream_id = ? AND status = 'parked' ORDER BY seq",
  );
  const fromDissent = db.prepare(
    "SELECT * FROM parked_items WHERE from_dissent_id = ? AND status = 'parked'",
  );
  const close = db.prepare("UPDATE parked_items SET status = ?, outcome = ?, closed_at = ? WHERE id = ?");
  const setRevisit = db.prepare("UPDATE parked_items SET revisit_on = ? WHERE id = ?");
  const history = db.prepare("SELECT * FROM parked_history WHERE parked_id = ? ORDER BY id");
  // Workstream by workstream (there are few; CROSS JOIN keeps them the outer loop), a range on
  // parked_items_due between the last meeting to have started and the horizon, which
  // meetings_by_workstream_start finds. Old items whose meeting has passed are never read.
  const revisitDue = db.prepare(
    `SELECT p.* FROM workstreams w CROSS JOIN parked_items p
     WHERE p.workstream_id = w.id AND p.status = 'parked' AND p.revisit_on <= @horizon
       AND p.revisit_on > COALESCE((SELECT m.starts_at FROM meetings m
             WHERE m.workstream_id = w.id AND m.starts_at <= @now AND m.status <> 'cancelled'
             ORDER BY m.starts_at DESC LIMIT 1), -9007199254740991)
     ORDER BY p.workstream_id, p.seq`,
  );
  const stale = db.prepare(
    `SELECT * FROM parked_items WHERE workstream_id = ? AND status = 'parked' AND revisit_on IS NULL AND parked_at < ?
     ORDER BY seq`,
  );
  const reminded = db.prepare(
    "SELECT 1 FROM parked_reminders WHERE parked_id = ? AND meeting_id = ? AND chair_id = ?",
  );
  const markReminded = db.prepare(
    "INSERT OR IGNORE INTO parked_reminders (parked_id, meeting_id, chair_id, outbox_key) VALUES (?, ?, ?, ?)",
  );
  const reminderKeys = db.prepare("SELECT DISTINCT outbox_key FROM parked_reminders WHERE parked_id = ?");
  const forget = db.prepare("DELETE FROM parked_reminders WHERE outbox_key = ?");
  return {
    create(input) {
      const row = ParkedRow.parse(
        insert.get({
          workstreamId: input.workstreamId,
          title: input.title,
          raisedBy: input.raisedBy,
          parkedBy: input.parkedBy,
          ownerId: input.ownerId,
          revisitOn: input.revisitOn?.getTime() ?? null,
          fromDissentId: input.fromDissentId,
          now: input.now.getTime(),
        }),
      );
      addEvent.run(
        row.id,
        "parked",
        input.parkedBy,
        input.now.getTime(),
        null,
        null,
        row.revisitOn?.getTime() ?? null,
      );
      return row;
    },
    byId: (id) => one(ParkedRow, byId.get(id)),
    bySeq: (workstreamId, seq) => one(ParkedRow, bySeq.get(workstreamId, seq)),
    open: (workstreamId) => many(ParkedRow, open.all(workstreamId)),
    openFromDissent: (dissentId) => one(ParkedRow, fromDissent.get(dissentId)),
    close({ id, status, outcome, actorId, now }) {
      close.run(status, outcome, now.getTime(), id);
      addEvent.run(id, status, actorId, now.getTime(), outcome, null, null);
    },
    setRevisit({ id, revisitOn, actorId, now }) {
      const before = ParkedRow.parse(byId.get(id));
      setRevisit.run(revisitOn.getTime(), id);
      addEvent.run(
        id,
        "revisit-changed",
        actorId,
        now.getTime(),
        null,
        before.revisitOn?.getTime() ?? null,
        revisitOn.getTime(),
      );
    },
    history: (parkedId) => many(ParkedEventRow, history.all(parkedId)),
    openWithRevisitDue: (now, horizon) =>
      many(ParkedRow, revisitDue.all({ now: now.getTime(), horizon: horizon.getTime() })),
    staleWithoutRevisit: (workstreamId, parkedBefore) =>
      many(ParkedRow, stale.all(workstreamId, parkedBefore.getTime())),
    wasReminded: (parkedId, meetingId, chairId) => reminded.get(parkedId, meetingId, chairId) !== undefined,
    markReminded({ parkedIds, meetingId, chairId, outboxKey }) {
      for (const parkedId of parkedIds) markReminded.run(parkedId, meetingId, chairId, outboxKey);
    },
    reminderKeys: (parkedId) =>
      (reminderKeys.all(parkedId) as { outbox_key: string }[]).map((r) => r.outbox_key),
    forgetReminder(outboxKey) {
      forget.run(outboxKey);
    },
  };
}
