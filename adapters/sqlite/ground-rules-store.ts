import { randomInt } from "node:crypto";
import { z } from "zod";
import type { GroundRulesStore } from "../../src/ports/ground-rules-store.ts";
import type { Db } from "./open.ts";
import { epochMs, epochMsOrNull, many, one, rowReader, toDate, toDateOrNull } from "./rows.ts";

const AgreedRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    question: z.number(),
    answer: z.string(),
    agreed_by: z.number(),
    agreed_at: epochMs,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    question: r.question,
    answer: r.answer,
    agreedBy: r.agreed_by,
    agreedAt: toDate(r.agreed_at),
  }),
);

const RoundRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    asked_by: z.number(),
    opened_at: epochMs,
    closes_at: epochMs,
    closed_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    askedBy: r.asked_by,
    openedAt: toDate(r.opened_at),
    closesAt: toDate(r.closes_at),
    closedAt: toDateOrNull(r.closed_at),
  }),
);

export function createGroundRulesStore(db: Db): GroundRulesStore {
  const agree = db.prepare(
    `INSERT INTO ground_rules_agreed (workstream_id, question, answer, agreed_by, agreed_at)
     VALUES (?, ?, ?, ?, ?) RETURNING *`,
  );
  const agreed = db.prepare(
    `SELECT * FROM ground_rules_agreed a WHERE workstream_id = ? AND id = (
       SELECT id FROM ground_rules_agreed b WHERE b.workstream_id = a.workstream_id AND b.question = a.question
        ORDER BY agreed_at DESC, id DESC LIMIT 1)
     ORDER BY question`,
  );
  const history = db.prepare(
    "SELECT * FROM ground_rules_agreed WHERE workstream_id = ? AND question = ? ORDER BY agreed_at, id",
  );
  const openRound = db.prepare(
    `INSERT INTO ground_rules_rounds (workstream_id, asked_by, opened_at, closes_at) VALUES (?, ?, ?, ?) RETURNING *`,
  );
  const roundById = db.prepare("SELECT * FROM ground_rules_rounds WHERE id = ?");
  const openIn = db.prepare(
    "SELECT * FROM ground_rules_rounds WHERE workstream_id = ? AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1",
  );
  const latest = db.prepare(
    "SELECT * FROM ground_rules_rounds WHERE workstream_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
  );
  const dueClose = db.prepare(
    "SELECT * FROM ground_rules_rounds WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at",
  );
  const close = db.prepare("UPDATE ground_rules_rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL");
  const invite = db.prepare(
    "INSERT OR IGNORE INTO ground_rules_invites (round_id, person_id, invited_at) VALUES (?, ?, ?)",
  );
  const counts = db.prepare(
    `SELECT COUNT(*) AS invited, COUNT(answered_at) AS answered FROM ground_rules_invites WHERE round_id = ?`,
  );
  const invited = db.prepare(
    "SELECT answered_at FROM ground_rules_invites WHERE round_id = ? AND person_id = ?",
  );
  const markAnswered = db.prepare(
    `UPDATE ground_rules_invites SET answered_at = ? WHERE round_id = ? AND person_id = ? AND answered_at IS NULL`,
  );
  const addNamed = db.prepare(
    "INSERT INTO ground_rules_answers (round_id, person_id, question, answer) VALUES (?, ?, ?, ?)",
  );
  const addAnonymous = db.prepare(
    "INSERT INTO ground_rules_anonymous_answers (id, round_id, question, answer) VALUES (?, ?, ?, ?)",
  );
  const answers = db.prepare(
    `SELECT a.question, a.answer AS text, p.name FROM ground_rules_answers a JOIN people p ON p.id = a.person_id
      WHERE a.round_id = ?
     UNION ALL
     SELECT question, answer AS text, NULL AS name FROM ground_rules_anonymous_answers WHERE round_id = ?
     ORDER BY 1, 2`,
  );
  return {
    agree: (input) =>
      AgreedRow.parse(
        agree.get(input.workstreamId, input.question, input.answer, input.by, input.now.getTime()),
      ),
    agreed: (workstreamId) => many(AgreedRow, agreed.all(workstreamId)),
    history: (workstreamId, question) => many(AgreedRow, history.all(workstreamId, question)),
    openRound: (input) =>
      RoundRow.parse(
        openRound.get(input.workstreamId, input.askedBy, input.openedAt.getTime(), input.closesAt.getTime()),
      ),
    roundById: (id) => one(RoundRow, roundById.get(id)),
    openRoundIn: (workstreamId) => one(RoundRow, openIn.get(workstreamId)),
    latestRound: (workstreamId) => one(RoundRow, latest.get(workstreamId)),
    dueToClose: (now) => many(RoundRow, dueClose.all(now.getTime())),
    closeRound: (id, at) => close.run(at.getTime(), id).changes === 1,
    invite: (roundId, personId, now) => invite.run(roundId, personId, now.getTime()).changes === 1,
    counts: (roundId) => counts.get(roundId) as { invited: number; answered: number },
    invited(roundId, personId) {
      const row = invited.get(roundId, personId) as { answered_at: number | null } | undefined;
      return row && { answeredAt: toDateOrNull(row.answered_at) };
    },
    answer(input) {
      return db.transaction(() => {
        if (markAnswered.run(input.now.getTime(), input.roundId, input.personId).changes !== 1) return false;
        for (const a of input.answers) {
          if (input.anonymous) addAnonymous.run(randomInt(1, 2 ** 47), input.roundId, a.question, a.text);
          else addNamed.run(input.roundId, input.personId, a.question, a.text);
        }
        return true;
      })();
    },
    answers: (roundId) =>
      (answers.all(roundId, roundId) as Array<{ question: number; text: string; name: string | null }>).map(
        (r) => ({ question: r.question, text: r.text, name: r.name }),
      ),
  };
}
