import type { OutboxStatus, OutboxStore } from "../../src/ports/store.ts";
import type { Db } from "./open.ts";
import { many, OutboxRowSchema, one } from "./rows.ts";

/**
 * The body a finished row keeps once its words are gone (retention, or `npm run forget`): a
 * valid, empty message, so the row still reads back; its key, state and times stay.
 */
export const EMPTIED_BODY = JSON.stringify({ text: "[removed]", blocks: [] });

/** How many bodies one tick empties at most, so a first run on years of history stays short. */
const EMPTY_BATCH = 200;

export function createOutboxStore(db: Db): OutboxStore {
  // INSERT OR IGNORE on the unique key: the same due work found twice is enqueued once.
  const insert = db.prepare(
    `INSERT OR IGNORE INTO outbox
       (key, address, message, person_id, workstream_id, subject, is_reminder, not_before, expires_at, audience, updates_key, next_attempt_at, created_at)
     VALUES (@key, @address, @message, @personId, @workstreamId, @subject, @isReminder, @notBefore, @expiresAt, @audience, @updatesKey, @notBefore, @now)`,
  );
  const due = db.prepare(
    "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const nextDue = db.prepare("SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'");
  const markSent = db.prepare(
    "UPDATE outbox SET status = 'sent', attempts = attempts + 1, finished_at = ?, platform_ref = ? WHERE id = ? AND status = 'pending'",
  );
  const replacePending = db.prepare("UPDATE outbox SET message = ? WHERE key = ? AND status = 'pending'");
  const supersede = db.prepare(
    "UPDATE outbox SET status = 'dropped', last_error = ?, finished_at = ? WHERE key >= ? AND key < ? AND key != ? AND status = 'pending'",
  );
  const retry = db.prepare(
    "UPDATE outbox SET attempts = attempts + ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
  );
  const finish = db.prepare(
    "UPDATE outbox SET status = ?, last_error = ?, finished_at = ? WHERE id = ? AND status = 'pending'",
  );
  const dropSubject = db.prepare(
    "UPDATE outbox SET status = 'dropped', last_error = ?, finished_at = ? WHERE subject = ? AND status = 'pending'",
  );
  const pendingAbout = db.prepare(
    "SELECT * FROM outbox WHERE subject = ? AND status = 'pending' ORDER BY id",
  );
  const rewritePending = db.prepare(
    `UPDATE outbox SET message = ?, not_before = ?, next_attempt_at = ?, expires_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const byKey = db.prepare("SELECT * FROM outbox WHERE key = ?");
  // A range on the unique key's index (not LIKE, which SQLite will not serve from it), newest key first.
  const latestKeySince = db.prepare(
    "SELECT key FROM outbox WHERE key >= ? AND key < ? AND created_at >= ? ORDER BY key DESC LIMIT 1",
  );
  const counts = db.prepare("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status");
  // Written out as in migration 011's partial index, which SQLite uses only for the same terms.
  const emptyBodies = db.prepare(
    `UPDATE outbox SET message = '${EMPTIED_BODY}' WHERE id IN (
       SELECT id FROM outbox WHERE status != 'pending' AND message != '${EMPTIED_BODY}' AND finished_at < ?
       LIMIT ${EMPTY_BATCH})`,
  );
  // What an outage cost: tried (attempts > 0), then too late to send.
  const undelivered = db.prepare(
    `SELECT substr(address, 1, instr(address, ':') - 1) AS platform, COUNT(*) AS n FROM outbox
     WHERE workstream_id = ? AND status = 'dropped' AND last_error = 'stale' AND attempts > 0 AND finished_at > ?
     GROUP BY platform ORDER BY platform`,
  );
  const lastDigest = db.prepare(
    `SELECT MAX(finished_at) AS at FROM outbox WHERE status = 'sent'
     AND ((key >= ? AND key < ?) OR (key >= ? AND key < ?))`,
  );
  return {
    enqueue(item, now) {
      const result = insert.run({
        key: item.key,
        address: item.address,
        message: JSON.stringify(item.message),
        personId: item.personId ?? null,
        workstreamId: item.workstreamId ?? null,
        subject: item.subject ?? null,
        isReminder: item.isReminder ? 1 : 0,
        notBefore: item.notBefore.getTime(),
        expiresAt: item.expiresAt?.getTime() ?? null,
        audience: item.audience ?? null,
        updatesKey: item.updatesKey ?? null,
        now: now.getTime(),
      });
      return result.changes === 1;
    },
    due: (now, limit) => many(OutboxRowSchema, due.all(now.getTime(), limit)),
    nextDueAt() {
      const at = (nextDue.get() as { at: number | null }).at;
      return at === null ? undefined : new Date(at);
    },
    markSent(id, at, platformRef) {
      markSent.run(at.getTime(), platformRef ?? null, id);
    },
    replacePending: (key, message) => replacePending.run(JSON.stringify(message), key).changes === 1,
    supersede: (keyPrefix, keep, reason, at) =>
      supersede.run(reason, at.getTime(), keyPrefix, afterPrefix(keyPrefix), keep).changes,
    retryLater(id, at, error, countsAsAttempt = true) {
      retry.run(countsAsAttempt ? 1 : 0, at.getTime(), error, id);
    },
    finish(id, status, reason, at) {
      finish.run(status, reason, at.getTime(), id);
    },
    dropSubject: (subject, reason, at) => dropSubject.run(reason, at.getTime(), subject).changes,
    pendingAbout: (subject) => many(OutboxRowSchema, pendingAbout.all(subject)),
    rewritePending: (id, change) =>
      rewritePending.run(
        JSON.stringify(change.message),
        change.notBefore.getTime(),
        change.notBefore.getTime(),
        change.expiresAt?.getTime() ?? null,
        id,
      ).changes === 1,
    byKey: (key) => one(OutboxRowSchema, byKey.get(key)),
    latestKeySince(keyPrefix, since) {
      const row = latestKeySince.get(keyPrefix, afterPrefix(keyPrefix), since.getTime()) as
        | { key: string }
        | undefined;
      return row?.key;
    },
    emptyFinishedBefore: (before) => emptyBodies.run(before.getTime()).changes,
    undeliveredSince: (workstreamId, since) =>
      (undelivered.all(workstreamId, since.getTime()) as Array<{ platform: string; n: number }>).map((r) => ({
        platform: r.platform,
        count: r.n,
      })),
    lastDigestSentAt(workstreamId) {
      // Key ranges on the unique index: `digest:7:` up to `digest:7;` (';' follows ':').
      const scheduled = `digest:${workstreamId}:`;
      const now = `digest-now:${workstreamId}:`;
      const row = lastDigest.get(scheduled, `${scheduled.slice(0, -1)};`, now, `${now.slice(0, -1)};`) as {
        at: number | null;
      };
      return row.at === null ? undefined : new Date(row.at);
    },
    countByStatus() {
      const result: Record<OutboxStatus, number> = { pending: 0, sent: 0, dropped: 0, failed: 0 };
      for (const row of counts.all() as { status: OutboxStatus; n: number }[]) result[row.status] = row.n;
      return result;
    },
  };
}

/** Every key starting with the prefix sorts in [prefix, prefix with its last character + 1). */
function afterPrefix(keyPrefix: string): string {
  return keyPrefix.slice(0, -1) + String.fromCharCode(keyPrefix.charCodeAt(keyPrefix.length - 1) + 1);
}
