import { z } from "zod";
import { PAPER_FORMATS } from "../../src/domain/papers.ts";
import type { MeetingPapersStatus, PapersStore } from "../../src/ports/papers-store.ts";
import type { Db } from "./open.ts";
import { epochMs, epochMsOrNull, many, one, rowReader, toDate, toDateOrNull } from "./rows.ts";

const PaperRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    meeting_id: z.number(),
    link: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    added_by: z.number(),
    added_at: epochMs,
    sent_at: epochMsOrNull,
    late: z.number(),
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    meetingId: r.meeting_id,
    link: r.link,
    title: r.title,
    summary: r.summary,
    addedBy: r.added_by,
    addedAt: toDate(r.added_at),
    sentAt: toDateOrNull(r.sent_at),
    late: r.late === 1,
  }),
);

const DistributionRow = rowReader(
  z.object({ meeting_id: z.number(), due_at: epochMs, sent_at: epochMs, late: z.number() }),
  (r) => ({
    meetingId: r.meeting_id,
    dueAt: toDate(r.due_at),
    sentAt: toDate(r.sent_at),
    late: r.late === 1,
  }),
);

const QuestionRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    meeting_id: z.number(),
    person_id: z.number(),
    question: z.string(),
    asked_at: epochMs,
    answer: z.string().nullable(),
    answered_by: z.number().nullable(),
    answered_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    meetingId: r.meeting_id,
    personId: r.person_id,
    question: r.question,
    askedAt: toDate(r.asked_at),
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: toDateOrNull(r.answered_at),
  }),
);

const FormatRequestRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    meeting_id: z.number(),
    person_id: z.number(),
    format: z.enum(PAPER_FORMATS),
    details: z.string().nullable(),
    support_request_id: z.number().nullable(),
    requested_at: epochMs,
    status: z.enum(["open", "done"]),
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    meetingId: r.meeting_id,
    personId: r.person_id,
    format: r.format,
    details: r.details,
    supportRequestId: r.support_request_id,
    requestedAt: toDate(r.requested_at),
    status: r.status,
  }),
);

const StatusRow = rowReader(
  z.object({
    meeting_id: z.number(),
    seq: z.number(),
    title: z.string(),
    starts_at: epochMs,
    papers: z.number(),
    sent_at: epochMsOrNull,
    late: z.number().nullable(),
    unread: z.number().nullable(),
  }),
  (r): MeetingPapersStatus => ({
    meetingId: r.meeting_id,
    seq: r.seq,
    title: r.title,
    startsAt: toDate(r.starts_at),
    papers: r.papers,
    sentAt: toDateOrNull(r.sent_at),
    late: r.late === 1,
    unread: r.sent_at === null ? null : r.unread,
  }),
);

/** Papers and everything that hangs off them, over one better-sqlite3 connection. */
export function createPapersStore(db: Db): PapersStore {
  const insert = db.prepare(
    `INSERT INTO papers (workstream_id, seq, meeting_id, link, title, summary, added_by, added_at)
     VALUES (@workstreamId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM papers WHERE workstream_id = @workstreamId),
             @meetingId, @link, @title, @summary, @addedBy, @now) RETURNING *`,
  );
  const forMeeting = db.prepare(
    "SELECT * FROM papers WHERE meeting_id = ? AND removed_at IS NULL ORDER BY seq",
  );
  const bySeq = db.prepare("SELECT * FROM papers WHERE workstream_id = ? AND seq = ? AND removed_at IS NULL");
  const removePaper = db.prepare("UPDATE papers SET removed_at = ? WHERE id = ? AND removed_at IS NULL");
  const markSent = db.prepare("UPDATE papers SET sent_at = ?, late = ? WHERE id = ? AND sent_at IS NULL");
  const distribution = db.prepare("SELECT * FROM paper_distributions WHERE meeting_id = ?");
  const recordDistribution = db.prepare(
    "INSERT OR IGNORE INTO paper_distributions (meeting_id, due_at, sent_at, late) VALUES (?, ?, ?, ?)",
  );
  const markLate = db.prepare("UPDATE paper_distributions SET late = 1 WHERE meeting_id = ?");
  const confirmRead = db.prepare(
    "INSERT OR IGNORE INTO paper_reads (meeting_id, person_id, confirmed_at) VALUES (?, ?, ?)",
  );
  const readers = db.prepare("SELECT person_id FROM paper_reads WHERE meeting_id = ? ORDER BY confirmed_at");
  const addQuestion = db.prepare(
    `INSERT INTO paper_questions (workstream_id, meeting_id, person_id, question, asked_at)
     VALUES (?, ?, ?, ?, ?) RETURNING *`,
  );
  const question = db.prepare("SELECT * FROM paper_questions WHERE id = ?");
  const questionsOf = db.prepare(
    "SELECT * FROM paper_questions WHERE workstream_id = ? AND person_id = ? ORDER BY asked_at DESC, id DESC",
  );
  const answer = db.prepare(
    "UPDATE paper_questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answer IS NULL",
  );
  const addFormat = db.prepare(
    `INSERT INTO paper_format_requests
       (workstream_id, meeting_id, person_id, format, details, support_request_id, requested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const openFormats = db.prepare(
    "SELECT * FROM paper_format_requests WHERE workstream_id = ? AND status = 'open' ORDER BY id",
  );
  // Unread counts only people who are members now: someone removed is not expected to read.
  const status = db.prepare(
    `SELECT m.id AS meeting_id, m.seq, m.title, m.starts_at,
            (SELECT COUNT(*) FROM papers p WHERE p.meeting_id = m.id AND p.removed_at IS NULL) AS papers,
            d.sent_at, d.late,
            (SELECT COUNT(*) FROM members mb
              WHERE mb.workstream_id = m.workstream_id AND mb.removed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM paper_reads r
                                 WHERE r.meeting_id = m.id AND r.person_id = mb.person_id)) AS unread
       FROM meetings m LEFT JOIN paper_distributions d ON d.meeting_id = m.id
      WHERE m.workstream_id = ? AND m.status = 'scheduled' AND m.starts_at >= ? AND m.starts_at < ?
      ORDER BY m.starts_at`,
  );
  return {
    add: (input) =>
      PaperRow.parse(
        insert.get({
          workstreamId: input.workstreamId,
          meetingId: input.meetingId,
          link: input.link,
          title: input.title,
          summary: input.summary,
          addedBy: input.addedBy,
          now: input.now.getTime(),
        }),
      ),
    forMeeting: (meetingId) => many(PaperRow, forMeeting.all(meetingId)),
    bySeq: (workstreamId, seq) => one(PaperRow, bySeq.get(workstreamId, seq)),
    remove: (paperId, now) => removePaper.run(now.getTime(), paperId).changes === 1,
    markSent(paperIds, at, late) {
      for (const id of paperIds) markSent.run(at.getTime(), late ? 1 : 0, id);
    },
    distribution: (meetingId) => one(DistributionRow, distribution.get(meetingId)),
    recordDistribution: (input) =>
      recordDistribution.run(
        input.meetingId,
        input.dueAt.getTime(),
        input.sentAt.getTime(),
        input.late ? 1 : 0,
      ).changes === 1,
    markDistributionLate(meetingId) {
      markLate.run(meetingId);
    },
    confirmRead: (meetingId, personId, now) =>
      confirmRead.run(meetingId, personId, now.getTime()).changes === 1,
    readers: (meetingId) => (readers.all(meetingId) as { person_id: number }[]).map((r) => r.person_id),
    addQuestion: (input) =>
      QuestionRow.parse(
        addQuestion.get(
          input.workstreamId,
          input.meetingId,
          input.personId,
          input.question,
          input.now.getTime(),
        ),
      ),
    question: (id) => one(QuestionRow, question.get(id)),
    questionsOf: (workstreamId, personId) => many(QuestionRow, questionsOf.all(workstreamId, personId)),
    answerQuestion: (id, text, by, now) => answer.run(text, by, now.getTime(), id).changes === 1,
    addFormatRequest: (input) =>
      FormatRequestRow.parse(
        addFormat.get(
          input.workstreamId,
          input.meetingId,
          input.personId,
          input.format,
          input.details,
          input.supportRequestId,
          input.now.getTime(),
        ),
      ),
    openFormatRequests: (workstreamId) => many(FormatRequestRow, openFormats.all(workstreamId)),
    status: (workstreamId, from, to) =>
      many(StatusRow, status.all(workstreamId, from.getTime(), to.getTime())),
  };
}
