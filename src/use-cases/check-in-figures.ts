import type { Audience } from "../domain/anonymity.ts";
import { type AnswerValues, type CheckIn, hasAnswered } from "../domain/check-in.ts";
import { type CheckInSummary, type SummaryAnswer, summariseCheckIn } from "../domain/check-in-summary.ts";
import type { CheckInStore } from "../ports/checkin-store.ts";

const values = (a: AnswerValues): AnswerValues => ({
  attended: a.attended,
  spoke: a.spoke,
  listened: a.listened,
  comment: a.comment,
  oneToOne: a.oneToOne,
});

/**
 * A check-in's summary for a reader: named answers from the people's rows, anonymous ones
 * from the rows tied to no one, folded by the one rule. Every view of a check-in's figures
 * (the chair's summary, the digest, exports) comes through here.
 */
export function checkInSummary(checkIns: CheckInStore, checkIn: CheckIn, audience: Audience): CheckInSummary {
  const rows = checkIns.answers(checkIn.id);
  const answers: SummaryAnswer[] = [
    ...rows
      .filter((r) => hasAnswered(r) && !r.anonymous)
      .map((r) => ({ ...values(r), group: r.group, anonymous: false, name: r.name })),
    ...checkIns
      .anonymousAnswers(checkIn.id)
      .map((a) => ({ ...values(a), group: a.group, anonymous: true, name: null })),
  ];
  return summariseCheckIn({
    invited: rows.length,
    answers,
    open: checkIn.closedAt === null,
    seed: checkIn.id,
    audience,
  });
}
