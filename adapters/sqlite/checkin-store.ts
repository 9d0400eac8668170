import { randomInt } from "node:crypto";
import { GroupSchema } from "../../src/domain/roles.ts";
import type { AnswerPatch, CheckInStore } from "../../src/ports/checkin-store.ts";
import { AnonymousAnswerRow, CheckInAnswerRow, CheckInRow } from "./checkin-rows.ts";
import type { Db } from "./open.ts";
import { MeetingRow, many, one } from "./rows.ts";

const ANSWER = `SELECT a.*, p.name FROM checkin_answers a JOIN people p ON p.id = a.person_id`;

/** Answer fields → columns; the only names that are ever put into SQL text. */
const COLUMNS: Record<keyof AnswerPatch, string> = {
  attended: "attended",
  spoke: "spoke",
  listened: "listened",
  comment: "comment",
  oneToOne: "one_to_one",
  wantsSupport: "wants_support",
  anonymous: "anonymous",
};

export function createCheckInStore(db: Db): CheckInStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO checkins (meeting_id, workstream_id, opened_at, remind_at, closes_at)
     VALUES (@meetingId, @workstreamId, @openedAt, @remindAt, @closesAt)`,
  );
  const byId = db.prepare("SELECT * FROM checkins WHERE id = ?");
  const byMeeting = db.prepare("SELECT * FROM checkins WHERE meeting_id = ?");
  const latest = db.prepare(
    "SELECT * FROM checkins WHERE workstream_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
  );
  const openIn = db.prepare(
    "SELECT * FROM checkins WHERE workstream_id = ? AND closed_at IS NULL ORDER BY opened_at",
  );
  const endedBy = db.prepare(
    "SELECT * FROM meetings WHERE status = 'scheduled' AND ends_at <= ? ORDER BY ends_at",
  );
  const dueReminder = db.prepare(
    `SELECT * FROM checkins WHERE closed_at IS NULL AND reminders_queued_at IS NULL
       AND remind_at <= ? AND remind_at < closes_at ORDER BY remind_at`,
  );
  const markReminded = db.prepare("UPDATE checkins SET reminders_queued_at = ? WHERE id = ?");
  const dueClose = db.prepare(
    "SELECT * FROM checkins WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at",
  );
  const close = db.prepare("UPDATE checkins SET closed_at = ? WHERE id = ? AND closed_at IS NULL");
  const invite = db.prepare(
    `INSERT OR IGNORE INTO checkin_answers (checkin_id, person_id, grp, invited_at, updated_at)
     VALUES (@checkInId, @personId, @group, @now, @now)`,
  );
  const answer = db.prepare(`${ANSWER} WHERE a.checkin_id = ? AND a.person_id = ?`);
  const answers = db.prepare(`${ANSWER} WHERE a.checkin_id = ? ORDER BY p.name, a.person_id`);
  const anonymous = db.prepare("SELECT * FROM checkin_anonymous_answers WHERE checkin_id = ? ORDER BY id");
  const addAnonymous = db.prepare(
    `INSERT INTO checkin_anonymous_answers (id, checkin_id, grp, attended, spoke, listened, comment,
            one_to_one, from_coordinator)
     VALUES (@id, @checkin_id, @grp, @attended, @spoke, @listened, @comment, @one_to_one,
             EXISTS (SELECT 1 FROM members m JOIN checkins c ON c.workstream_id = m.workstream_id
                      WHERE c.id = @checkin_id AND m.person_id = @person_id AND m.role = 'coordinator'))`,
  );
  const emptyAnswer = db.prepare(
    `UPDATE checkin_answers SET attended = NULL, spoke = NULL, listened = NULL, comment = NULL,
            one_to_one = NULL, wants_support = NULL
      WHERE checkin_id = ? AND person_id = ? AND anonymous = 1 AND completed_at IS NOT NULL`,
  );
  // Named and anonymous answers alike, from closed check-ins only: while one is open its
  // figures would change with each answer and so tell who gave it. With @leaveOut set,
  // coordinators' answers are left out (see migration 019).
  const listened = db.prepare(
    `SELECT m.id AS meeting_id, m.seq, m.starts_at, a.grp,
            SUM(a.listened = 'yes') AS yes, SUM(a.listened = 'partly') AS partly, SUM(a.listened = 'no') AS no
       FROM (SELECT * FROM checkins WHERE workstream_id = @workstreamId AND closed_at IS NOT NULL
              ORDER BY opened_at DESC LIMIT @meetings) c
       JOIN meetings m ON m.id = c.meeting_id
       JOIN (SELECT x.checkin_id, x.grp, x.listened,
                    EXISTS (SELECT 1 FROM members mm WHERE mm.workstream_id = @workstreamId
                              AND mm.person_id = x.person_id AND mm.role = 'coordinator') AS coordinator
               FROM checkin_answers x WHERE x.completed_at IS NOT NULL AND x.anonymous = 0
             UNION ALL SELECT checkin_id, grp, listened, from_coordinator FROM checkin_anonymous_answers) a
         ON a.checkin_id = c.id
      WHERE a.listened IS NOT NULL AND NOT (@leaveOut AND a.coordinator)
      GROUP BY m.id, a.grp ORDER BY m.starts_at, a.grp`,
  );
  const oneToOnes = db.prepare(
    `SELECT a.person_id, a.completed_at FROM checkin_answers a JOIN checkins c ON c.id = a.checkin_id
      WHERE c.workstream_id = ? AND a.one_to_one = 'yes' AND a.anonymous = 0
        AND a.completed_at IS NOT NULL AND a.completed_at >= ? ORDER BY a.completed_at`,
  );
  return {
    open(input) {
      const created =
        insert.run({
          meetingId: input.meetingId,
          workstreamId: input.workstreamId,
          openedAt: input.openedAt.getTime(),
          remindAt: input.remindAt.getTime(),
          closesAt: input.closesAt.getTime(),
        }).changes === 1;
      return { checkIn: CheckInRow.parse(byMeeting.get(input.meetingId)), created };
    },
    byId: (id) => one(CheckInRow, byId.get(id)),
    byMeeting: (meetingId) => one(CheckInRow, byMeeting.get(meetingId)),
    latest: (workstreamId) => one(CheckInRow, latest.get(workstreamId)),
    openIn: (workstreamId) => many(CheckInRow, openIn.all(workstreamId)),
    meetingsEndedBy: (now) => many(MeetingRow, endedBy.all(now.getTime())),
    dueForReminder: (now) => many(CheckInRow, dueReminder.all(now.getTime())),
    markRemindersQueued(id, at) {
      markReminded.run(at.getTime(), id);
    },
    dueToClose: (now) => many(CheckInRow, dueClose.all(now.getTime())),
    close: (id, at) => close.run(at.getTime(), id).changes === 1,
    invite: (input) =>
      invite.run({
        checkInId: input.checkInId,
        personId: input.personId,
        group: input.group,
        now: input.now.getTime(),
      }).changes === 1,
    answer: (checkInId, personId) => one(CheckInAnswerRow, answer.get(checkInId, personId)),
    answers: (checkInId) => many(CheckInAnswerRow, answers.all(checkInId)),
    anonymousAnswers: (checkInId) => many(AnonymousAnswerRow, anonymous.all(checkInId)),
    detachAnonymous(checkInId, personId) {
      const row = answer.get(checkInId, personId) as Record<string, unknown> | undefined;
      if (row?.anonymous !== 1 || row.completed_at === null) return false;
      if (emptyAnswer.run(checkInId, personId).changes !== 1) return false;
      // A random id, so the row's place among the others says nothing of when it came.
      addAnonymous.run({
        id: randomInt(1, 2 ** 47),
        checkin_id: checkInId,
        person_id: personId,
        grp: row.grp,
        attended: row.attended ?? null,
        spoke: row.spoke ?? null,
        listened: row.listened ?? null,
        comment: row.comment ?? null,
        one_to_one: row.one_to_one ?? null,
      });
      return true;
    },
    advance(input) {
      const sets = ["step = @toStep", "grp = @group", "updated_at = @now"];
      const values: Record<string, unknown> = {
        checkInId: input.checkInId,
        personId: input.personId,
        fromStep: input.fromStep,
        toStep: input.toStep,
        group: input.group,
        now: input.now.getTime(),
        done: input.toStep >= 8 ? input.now.getTime() : null,
      };
      for (const [field, value] of Object.entries(input.patch) as Array<[keyof AnswerPatch, unknown]>) {
        sets.push(`${COLUMNS[field]} = @${field}`);
        values[field] = typeof value === "boolean" ? (value ? 1 : 0) : value;
      }
      sets.push("completed_at = COALESCE(completed_at, @done)");
      // The step guard is the idempotency: only the first answer to a question moves it on.
      const sql = `UPDATE checkin_answers SET ${sets.join(", ")}
                    WHERE checkin_id = @checkInId AND person_id = @personId AND step = @fromStep`;
      return db.prepare(sql).run(values).changes === 1;
    },
    listenedTrend: (workstreamId, meetings, leaveOutCoordinators = false) =>
      (
        listened.all({ workstreamId, meetings, leaveOut: leaveOutCoordinators ? 1 : 0 }) as Array<{
          meeting_id: number;
          seq: number;
          starts_at: number;
          grp: string;
          yes: number;
          partly: number;
          no: number;
        }>
      ).map((r) => ({
        meetingId: r.meeting_id,
        meetingSeq: r.seq,
        startsAt: new Date(r.starts_at),
        group: GroupSchema.parse(r.grp),
        yes: r.yes,
        partly: r.partly,
        no: r.no,
      })),
    oneToOneRequests: (workstreamId, since) =>
      (
        oneToOnes.all(workstreamId, since.getTime()) as Array<{ person_id: number; completed_at: number }>
      ).map((r) => ({ personId: r.person_id, at: new Date(r.completed_at) })),
  };
}
