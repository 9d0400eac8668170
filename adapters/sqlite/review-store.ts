import { randomInt } from "node:crypto";
import { z } from "zod";
import type { ReviewValues } from "../../src/domain/review.ts";
import { GroupSchema } from "../../src/domain/roles.ts";
import type { ReviewStore } from "../../src/ports/review-store.ts";
import type { Db } from "./open.ts";
import { epochMs, epochMsOrNull, many, one, rowReader, toDate, toDateOrNull } from "./rows.ts";

const ReviewRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    kind: z.enum(["scheduled", "started", "final"]),
    slot: epochMsOrNull,
    opened_at: epochMs,
    remind_at: epochMs,
    closes_at: epochMs,
    reminders_queued_at: epochMsOrNull,
    closed_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    kind: r.kind,
    slot: toDateOrNull(r.slot),
    openedAt: toDate(r.opened_at),
    remindAt: toDate(r.remind_at),
    closesAt: toDate(r.closes_at),
    remindersQueuedAt: toDateOrNull(r.reminders_queued_at),
    closedAt: toDateOrNull(r.closed_at),
  }),
);

const score = z.number().int().min(1).max(5).nullable();
const valueColumns = {
  progress: score,
  clarity: score,
  voice: score,
  disagreements: score,
  decisions: score,
  support: score,
  task_comment: z.string().nullable(),
  process_comment: z.string().nullable(),
  learn_comment: z.string().nullable(),
};
type ValueColumns = z.output<z.ZodObject<typeof valueColumns>>;
const valuesOf = (r: ValueColumns): ReviewValues => ({
  progress: r.progress,
  clarity: r.clarity,
  voice: r.voice,
  disagreements: r.disagreements,
  decisions: r.decisions,
  support: r.support,
  taskComment: r.task_comment,
  processComment: r.process_comment,
  learnComment: r.learn_comment,
});
const columnsOf = (v: ReviewValues) => ({
  progress: v.progress,
  clarity: v.clarity,
  voice: v.voice,
  disagreements: v.disagreements,
  decisions: v.decisions,
  support: v.support,
  task_comment: v.taskComment,
  process_comment: v.processComment,
  learn_comment: v.learnComment,
});

const InviteRow = rowReader(
  z.object({
    review_id: z.number(),
    person_id: z.number(),
    name: z.string(),
    grp: GroupSchema,
    answered_at: epochMsOrNull,
    anonymous: z.number(),
    ...valueColumns,
  }),
  (r) => ({
    reviewId: r.review_id,
    personId: r.person_id,
    name: r.name,
    group: r.grp,
    answeredAt: toDateOrNull(r.answered_at),
    anonymous: r.anonymous === 1,
    values: r.answered_at !== null && r.anonymous === 0 ? valuesOf(r) : null,
  }),
);

const AnonymousRow = rowReader(
  z.object({ grp: GroupSchema, from_role: z.enum(["chair", "coordinator"]).nullable(), ...valueColumns }),
  (r) => ({ group: r.grp, fromRole: r.from_role, values: valuesOf(r) }),
);

const INVITE = "SELECT a.*, p.name FROM review_answers a JOIN people p ON p.id = a.person_id";

export function createReviewStore(db: Db): ReviewStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO reviews (workstream_id, kind, slot, opened_by, opened_at, remind_at, closes_at)
     VALUES (@workstreamId, @kind, @slot, @openedBy, @openedAt, @remindAt, @closesAt)`,
  );
  const bySlot = db.prepare("SELECT * FROM reviews WHERE workstream_id = ? AND slot = ?");
  const byId = db.prepare("SELECT * FROM reviews WHERE id = ?");
  const list = db.prepare("SELECT * FROM reviews WHERE workstream_id = ? ORDER BY opened_at, id");
  const latest = db.prepare(
    "SELECT * FROM reviews WHERE workstream_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
  );
  const dueReminder = db.prepare(
    `SELECT * FROM reviews WHERE closed_at IS NULL AND reminders_queued_at IS NULL
       AND remind_at <= ? AND remind_at < closes_at ORDER BY remind_at`,
  );
  const markReminded = db.prepare("UPDATE reviews SET reminders_queued_at = ? WHERE id = ?");
  const dueClose = db.prepare(
    "SELECT * FROM reviews WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at",
  );
  const close = db.prepare("UPDATE reviews SET closed_at = ? WHERE id = ? AND closed_at IS NULL");
  const invite = db.prepare(
    `INSERT OR IGNORE INTO review_answers (review_id, person_id, grp, invited_at)
     VALUES (?, ?, ?, ?)`,
  );
  const inviteOf = db.prepare(`${INVITE} WHERE a.review_id = ? AND a.person_id = ?`);
  const invites = db.prepare(`${INVITE} WHERE a.review_id = ? ORDER BY p.name, a.person_id`);
  // By the random id: the order says nothing of who answered first.
  const anonymous = db.prepare("SELECT * FROM review_anonymous_answers WHERE review_id = ? ORDER BY id");
  const named = db.prepare(
    `UPDATE review_answers SET answered_at = @now, anonymous = 0, grp = @grp,
            progress = @progress, clarity = @clarity, voice = @voice, disagreements = @disagreements,
            decisions = @decisions, support = @support, task_comment = @task_comment,
            process_comment = @process_comment, learn_comment = @learn_comment
      WHERE review_id = @reviewId AND person_id = @personId AND answered_at IS NULL`,
  );
  const unnamed = db.prepare(
    `UPDATE review_answers SET answered_at = @now, anonymous = 1
      WHERE review_id = @reviewId AND person_id = @personId AND answered_at IS NULL`,
  );
  const addAnonymous = db.prepare(
    `INSERT INTO review_anonymous_answers (id, review_id, grp, from_role, progress, clarity, voice,
            disagreements, decisions, support, task_comment, process_comment, learn_comment)
     VALUES (@id, @reviewId, @grp, @fromRole, @progress, @clarity, @voice, @disagreements,
             @decisions, @support, @task_comment, @process_comment, @learn_comment)`,
  );
  return {
    open(input) {
      const created = insert.run({
        workstreamId: input.workstreamId,
        kind: input.kind,
        slot: input.slot?.getTime() ?? null,
        openedBy: input.openedBy,
        openedAt: input.openedAt.getTime(),
        remindAt: input.remindAt.getTime(),
        closesAt: input.closesAt.getTime(),
      });
      const row =
        created.changes === 1
          ? byId.get(created.lastInsertRowid)
          : bySlot.get(input.workstreamId, input.slot?.getTime() ?? null);
      return { review: ReviewRow.parse(row), created: created.changes === 1 };
    },
    byId: (id) => one(ReviewRow, byId.get(id)),
    list: (workstreamId) => many(ReviewRow, list.all(workstreamId)),
    latest: (workstreamId) => one(ReviewRow, latest.get(workstreamId)),
    dueForReminder: (now) => many(ReviewRow, dueReminder.all(now.getTime())),
    markRemindersQueued(id, at) {
      markReminded.run(at.getTime(), id);
    },
    dueToClose: (now) => many(ReviewRow, dueClose.all(now.getTime())),
    close: (id, at) => close.run(at.getTime(), id).changes === 1,
    invite: (input) =>
      invite.run(input.reviewId, input.personId, input.group, input.now.getTime()).changes === 1,
    inviteOf: (reviewId, personId) => one(InviteRow, inviteOf.get(reviewId, personId)),
    invites: (reviewId) => many(InviteRow, invites.all(reviewId)),
    anonymousAnswers: (reviewId) => many(AnonymousRow, anonymous.all(reviewId)),
    answer(input) {
      const ids = { reviewId: input.reviewId, personId: input.personId, now: input.now.getTime() };
      const columns = columnsOf(input.values);
      if (!input.anonymous && !input.fromRole)
        return named.run({ ...ids, grp: input.group, ...columns }).changes === 1;
      // The "answered" mark is the guard: only the first submission leaves an anonymous row.
      if (unnamed.run(ids).changes !== 1) return false;
      addAnonymous.run({
        id: randomInt(1, 2 ** 47),
        reviewId: input.reviewId,
        grp: input.group,
        fromRole: input.fromRole ?? null,
        ...columns,
      });
      return true;
    },
  };
}
