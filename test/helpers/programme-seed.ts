import type { Group } from "../../src/domain/roles.ts";
import type { Harness } from "./harness.ts";

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
export function seedClosedCheckIn(h: Harness, workstream: string, startsAt: string, answers: SeedAnswer[]) {
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
