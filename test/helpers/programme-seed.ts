import type { Db } from "../../adapters/sqlite/open.ts";
import type { Group } from "../../src/domain/roles.ts";
import type { Store } from "../../src/ports/store.ts";
import type { Harness } from "./harness.ts";

/** Any harness with a real store and database (the core one, or Slack's with its own people). */
export interface SeedTarget {
  store: Store;
  db: Db;
  person(who: string): { key: string; name: string; dm: string };
}

/** One person's finished check-in answer, for seeding history straight into SQLite. */
export interface SeedAnswer {
  who: string;
  group: Group;
  listened?: "yes" | "partly" | "no";
  spoke?: "fully" | "partly" | "not-really";
  comment?: string;
  anonymous?: boolean;
  /** Sent the check-in but never answered. */
  silent?: boolean;
}

/**
 * A held meeting of `workstream` at `startsAt` with a closed check-in and these answers, stored
 * as the bot stores them (anonymous ones apart from who answered, migrations/010).
 */
export function seedClosedCheckIn(
  h: SeedTarget,
  workstream: string,
  startsAt: string,
  answers: SeedAnswer[],
) {
  const ws = h.store.workstreams.byName(workstream);
  if (!ws) throw new Error(`no workstream ${workstream}`);
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + 3_600_000);
  const meeting = h.store.meetings.create({
    workstreamId: ws.id,
    title: "Seeded",
    startsAt: start,
    endsAt: end,
    now: start,
  });
  h.store.meetings.setStatus(meeting.id, "ended", end);
  const at = end.getTime();
  const checkin = h.db
    .prepare(
      "INSERT INTO checkins (meeting_id, workstream_id, opened_at, remind_at, closes_at, closed_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .get(meeting.id, ws.id, at, at, at + 1, at + 1) as { id: number };
  for (const a of answers) {
    const person = h.store.people.upsert(h.person(a.who));
    const done = !a.silent;
    const named = done && !a.anonymous;
    h.db
      .prepare(
        `INSERT INTO checkin_answers (checkin_id, person_id, grp, step, attended, spoke, listened, comment, one_to_one, wants_support, anonymous, invited_at, updated_at, completed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        checkin.id,
        person.id,
        a.group,
        done ? 8 : 1,
        named ? "yes" : null,
        named ? (a.spoke ?? "fully") : null,
        named ? (a.listened ?? "yes") : null,
        named ? (a.comment ?? null) : null,
        named ? "no" : null,
        named ? "no" : null,
        a.anonymous ? 1 : 0,
        at,
        at,
        done ? at : null,
      );
    if (done && a.anonymous) {
      h.db
        .prepare(
          `INSERT INTO checkin_anonymous_answers (id, checkin_id, grp, attended, spoke, listened, comment, one_to_one)
           VALUES (abs(random()), ?, ?, 'yes', ?, ?, ?, 'no')`,
        )
        .run(checkin.id, a.group, a.spoke ?? "fully", a.listened ?? "yes", a.comment ?? null);
    }
  }
  return { meetingId: meeting.id, checkInId: checkin.id };
}

/** Records that a meeting's papers went out, on time or late (as the papers rule records it). */
export function seedPapersSent(h: SeedTarget, meetingId: number, late: boolean) {
  h.db
    .prepare("INSERT INTO paper_distributions (meeting_id, due_at, sent_at, late) VALUES (?, 0, 0, ?)")
    .run(meetingId, late ? 1 : 0);
}

/** Secret words seeded into answers: none may ever appear in a programme figure or report. */
export const SECRET_COMMENT = "My husband was ignored at the last meeting";

/**
 * Two workstreams in a programme "Board" (channel test:#board, lead Pam, who holds no role in
 * either) with three months of closed check-ins, named and anonymous, and papers sent.
 */
export async function seedProgrammeHistory(h: Harness) {
  const say = (channel: string, who: string, text: string) =>
    h.bot.command({ platform: "test", actor: h.person(who), channel, text });
  await say("test:#group", "cora", "/workstream setup Medication safety");
  await say("test:#group", "cora", "/workstream add <@sam|Sam> <@kim|Kim> <@lee|Lee> as service-user");
  await say("test:#carers", "otto", "/workstream setup Carers voice");
  await say("test:#carers", "otto", "/workstream add <@olly|Olly> <@cara|Cara> <@cat|Cat> as carer");
  await say("test:#board", "pam", "/programme setup Board");
  await say("test:#board", "cora", "/programme add Medication safety");
  await say("test:#board", "otto", "/programme add Carers voice");
  // September: service users 2 of 3 yes, carers 3 of 3; October: 1 of 3 and 2 of 3 (anonymous);
  // November: 3 of 3 and only 2 carers answered (held back).
  const med = [
    seedClosedCheckIn(h, "Medication safety", "2026-09-10T13:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes", comment: SECRET_COMMENT },
      { who: "kim", group: "service-user", listened: "yes", spoke: "partly" },
      { who: "lee", group: "service-user", listened: "no" },
    ]),
    seedClosedCheckIn(h, "Medication safety", "2026-10-08T13:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes" },
      { who: "kim", group: "service-user", listened: "no", comment: "Kim wrote this privately" },
      { who: "lee", group: "service-user", listened: "no" },
      { who: "ann", group: "service-user", silent: true },
    ]),
    seedClosedCheckIn(h, "Medication safety", "2026-11-12T14:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes" },
      { who: "kim", group: "service-user", listened: "yes" },
      { who: "lee", group: "service-user", listened: "yes" },
    ]),
  ];
  seedPapersSent(h, med[0]?.meetingId ?? 0, false);
  seedPapersSent(h, med[1]?.meetingId ?? 0, true);
  seedPapersSent(h, med[2]?.meetingId ?? 0, false);
  seedClosedCheckIn(h, "Carers voice", "2026-09-17T13:00:00Z", [
    { who: "olly", group: "carer", listened: "yes" },
    { who: "cara", group: "carer", listened: "yes" },
    { who: "cat", group: "carer", listened: "yes" },
  ]);
  seedClosedCheckIn(h, "Carers voice", "2026-10-15T13:00:00Z", [
    { who: "olly", group: "carer", listened: "yes", anonymous: true, comment: "Olly's anonymous worry" },
    { who: "cara", group: "carer", listened: "no", anonymous: true },
    { who: "cat", group: "carer", listened: "yes", anonymous: true },
  ]);
  seedClosedCheckIn(h, "Carers voice", "2026-11-19T14:00:00Z", [
    { who: "olly", group: "carer", listened: "no", anonymous: true },
    { who: "cara", group: "carer", listened: "yes" },
    { who: "cat", group: "carer", silent: true },
  ]);
}

/** Every name seeded above: none may appear in what a programme lead reads. */
export const SEEDED_NAMES = ["Sam", "Kim", "Lee", "Ann", "Cora", "Otto", "Olly", "Cara", "Cat"];
