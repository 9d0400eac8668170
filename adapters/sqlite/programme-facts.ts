import { GroupSchema } from "../../src/domain/roles.ts";
import type { CheckInAnswerCounts, ProgrammeFacts } from "../../src/ports/programme-store.ts";
import type { Db } from "./open.ts";

/** The workstreams asked about, as one bound JSON array (one prepared statement for any number). */
const IN_LIST = "(SELECT value FROM json_each(?))";

/**
 * The programme figures' counts over the core tables: one grouped query each, across every
 * workstream of the programme at once. Answers are counted, never read out one by one.
 */
export function createProgrammeFacts(db: Db): ProgrammeFacts {
  const meetings = db.prepare(
    `SELECT workstream_id, starts_at FROM meetings
      WHERE workstream_id IN ${IN_LIST} AND status != 'cancelled' AND starts_at >= ? AND starts_at < ?`,
  );
  const papers = db.prepare(
    `SELECT m.workstream_id, m.starts_at, d.late FROM paper_distributions d JOIN meetings m ON m.id = d.meeting_id
      WHERE m.workstream_id IN ${IN_LIST} AND m.status != 'cancelled' AND m.starts_at >= ? AND m.starts_at < ?`,
  );
  const responses = db.prepare(
    `SELECT c.id, c.workstream_id, m.starts_at,
            (SELECT COUNT(*) FROM checkin_answers a WHERE a.checkin_id = c.id) AS invited,
            (SELECT COUNT(*) FROM checkin_answers a WHERE a.checkin_id = c.id AND a.completed_at IS NOT NULL) AS answered
       FROM checkins c JOIN meetings m ON m.id = c.meeting_id
      WHERE c.workstream_id IN ${IN_LIST} AND c.closed_at IS NOT NULL AND m.starts_at >= ? AND m.starts_at < ?`,
  );
  // Coordinators' own answers are left out: a coordinator may be a lead, and knowing their own
  // answer could take it away from a figure of three and learn the other two (migration 019).
  const answers = db.prepare(
    `SELECT c.id, c.workstream_id, m.starts_at, a.grp, a.listened, a.spoke, COUNT(*) AS n
       FROM checkins c JOIN meetings m ON m.id = c.meeting_id
       JOIN (SELECT x.checkin_id, x.grp, x.listened, x.spoke FROM checkin_answers x
              WHERE x.completed_at IS NOT NULL AND x.anonymous = 0
                AND NOT EXISTS (SELECT 1 FROM checkins xc JOIN members xm ON xm.workstream_id = xc.workstream_id
                                 WHERE xc.id = x.checkin_id AND xm.person_id = x.person_id AND xm.role = 'coordinator')
             UNION ALL SELECT checkin_id, grp, listened, spoke FROM checkin_anonymous_answers
              WHERE from_coordinator = 0) a
         ON a.checkin_id = c.id
      WHERE c.workstream_id IN ${IN_LIST} AND c.closed_at IS NOT NULL AND m.starts_at >= ? AND m.starts_at < ?
      GROUP BY c.id, a.grp, a.listened, a.spoke`,
  );
  const args = (ids: number[], from: Date, to: Date) => [JSON.stringify(ids), from.getTime(), to.getTime()];
  return {
    meetings: (ids, from, to) =>
      (meetings.all(...args(ids, from, to)) as Array<{ workstream_id: number; starts_at: number }>).map(
        (r) => ({ workstreamId: r.workstream_id, startsAt: new Date(r.starts_at) }),
      ),
    papersSent: (ids, from, to) =>
      (
        papers.all(...args(ids, from, to)) as Array<{
          workstream_id: number;
          starts_at: number;
          late: number;
        }>
      ).map((r) => ({ workstreamId: r.workstream_id, startsAt: new Date(r.starts_at), late: r.late === 1 })),
    responses: (ids, from, to) =>
      (
        responses.all(...args(ids, from, to)) as Array<{
          id: number;
          workstream_id: number;
          starts_at: number;
          invited: number;
          answered: number;
        }>
      ).map((r) => ({
        checkInId: r.id,
        workstreamId: r.workstream_id,
        startsAt: new Date(r.starts_at),
        invited: r.invited,
        answered: r.answered,
      })),
    answerCounts: (ids, from, to) =>
      (
        answers.all(...args(ids, from, to)) as Array<{
          id: number;
          workstream_id: number;
          starts_at: number;
          grp: string;
          listened: CheckInAnswerCounts["listened"];
          spoke: CheckInAnswerCounts["spoke"];
          n: number;
        }>
      ).map((r) => ({
        checkInId: r.id,
        workstreamId: r.workstream_id,
        startsAt: new Date(r.starts_at),
        group: GroupSchema.parse(r.grp),
        listened: r.listened,
        spoke: r.spoke,
        count: r.n,
      })),
  };
}
