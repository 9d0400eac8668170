import { type CheckInAnswer, hasAnswered } from "./check-in.ts";
import { GROUPS, type Group } from "./roles.ts";

/** Groups with fewer answers than this are folded together, so nobody can be picked out. */
export const SMALL_GROUP = 3;

/** How many gave each answer to the questions a chair may see (never the support question). */
export interface AnswerCounts {
  attended: { yes: number; no: number };
  spoke: { fully: number; partly: number; "not-really": number };
  listened: { yes: number; partly: number; no: number };
  oneToOne: { yes: number; no: number };
}

export interface GroupCounts {
  /** A stakeholder group, or "other groups" for the small ones folded together. */
  label: string;
  answered: number;
  counts: AnswerCounts;
}

/** What the chair sees about one check-in (PRODUCT.md §4 and §6). */
export interface CheckInSummary {
  invited: number;
  answered: number;
  counts: AnswerCounts;
  byGroup: GroupCounts[];
  /** Comments for the chair; `name` is null when the person answered anonymously. */
  comments: Array<{ name: string | null; text: string }>;
  /** Who asked for a one-to-one by name, and how many asked anonymously. */
  oneToOne: { named: string[]; anonymous: number };
}

export const FOLDED = "other groups";

/**
 * Builds the chair's summary from every invited person's answer row. Only finished answers
 * count (see hasAnswered); support answers are left out entirely, because chairs never see them.
 */
export function summariseCheckIn(rows: CheckInAnswer[]): CheckInSummary {
  const answered = rows.filter(hasAnswered);
  const byGroup: GroupCounts[] = [];
  const folded: CheckInAnswer[] = [];
  for (const group of GROUPS) {
    const mine = answered.filter((a) => a.group === group);
    if (mine.length === 0) continue;
    if (mine.length < SMALL_GROUP) folded.push(...mine);
    else byGroup.push({ label: group, answered: mine.length, counts: countAnswers(mine) });
  }
  if (folded.length > 0) {
    // "Other groups" must hold 3 or more too, or the one or two people in it could be picked
    // out: fold it into the smallest group shown. With no group left to show, show none.
    const smallest = byGroup.reduce<GroupCounts | undefined>(
      (s, g) => (!s || g.answered < s.answered ? g : s),
      undefined,
    );
    if (folded.length >= SMALL_GROUP)
      byGroup.push({ label: FOLDED, answered: folded.length, counts: countAnswers(folded) });
    else if (smallest) {
      const merged = [...answered.filter((a) => a.group === smallest.label), ...folded];
      byGroup.splice(byGroup.indexOf(smallest), 1, {
        label: FOLDED,
        answered: merged.length,
        counts: countAnswers(merged),
      });
    }
  }
  return {
    invited: rows.length,
    answered: answered.length,
    counts: countAnswers(answered),
    byGroup,
    comments: answered
      .filter((a) => a.comment)
      .map((a) => ({ name: a.anonymous ? null : a.name, text: a.comment ?? "" })),
    oneToOne: {
      named: answered.filter((a) => a.oneToOne === "yes" && !a.anonymous).map((a) => a.name),
      anonymous: answered.filter((a) => a.oneToOne === "yes" && a.anonymous).length,
    },
  };
}

function countAnswers(answers: CheckInAnswer[]): AnswerCounts {
  const counts: AnswerCounts = {
    attended: { yes: 0, no: 0 },
    spoke: { fully: 0, partly: 0, "not-really": 0 },
    listened: { yes: 0, partly: 0, no: 0 },
    oneToOne: { yes: 0, no: 0 },
  };
  for (const a of answers) {
    if (a.attended) counts.attended[a.attended]++;
    if (a.spoke) counts.spoke[a.spoke]++;
    if (a.listened) counts.listened[a.listened]++;
    if (a.oneToOne) counts.oneToOne[a.oneToOne]++;
  }
  return counts;
}

/** One meeting's "felt listened to" answers for one group, for trends in the digest. */
export interface ListenedPoint {
  meetingId: number;
  meetingSeq: number;
  startsAt: Date;
  group: Group;
  yes: number;
  partly: number;
  no: number;
}
