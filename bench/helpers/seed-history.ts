import type { Db } from "../../adapters/sqlite/open.ts";

const DAY = 86_400_000;

export interface HistoryShape {
  workstreams: number;
  members: number;
  years: number;
  now: Date;
}

/**
 * Fills a migrated database with `years` of fortnightly meetings and everything they leave
 * behind (attendance, sent reminders, check-ins and answers, papers, one-to-ones, parked items,
 * dissent), straight through SQL in one transaction. Tables a migration has not created yet
 * are skipped. The first three workstreams also get the same work due now in both shapes.
 */
export function seedHistory(db: Db, shape: HistoryShape): Record<string, number> {
  const has = (table: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const now = shape.now.getTime();
  const settings = JSON.stringify({
    timezone: "Europe/London",
    "quiet-hours": "off",
    "quiet-weekends": "off",
  });
  const q = (sql: string) => db.prepare(sql);
  const person = q("INSERT INTO people (key, name, dm) VALUES (?, ?, ?)");
  const ws = q("INSERT INTO workstreams (name, channel, settings, created_at) VALUES (?, ?, ?, ?)");
  const member = q(
    "INSERT INTO members (workstream_id, person_id, role, grp, joined_at) VALUES (?, ?, ?, 'carer', ?)",
  );
  const meeting = q(
    "INSERT INTO meetings (workstream_id, seq, title, starts_at, ends_at, status, ended_at, created_at) VALUES (?, ?, 'History', ?, ?, ?, ?, ?)",
  );
  const attendance = q(
    "INSERT INTO attendance (meeting_id, person_id, answer, answered_at) VALUES (?, ?, 'yes', ?)",
  );
  const outbox = q(
    `INSERT INTO outbox (key, address, message, person_id, workstream_id, subject, is_reminder, not_before, status, attempts, next_attempt_at, created_at, finished_at)
     VALUES (?, ?, '{"text":"x"}', ?, ?, ?, 1, ?, 'sent', 1, ?, ?, ?)`,
  );
  const checkin = has("checkins")
    ? q(
        "INSERT INTO checkins (meeting_id, workstream_id, opened_at, remind_at, closes_at, reminders_queued_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
    : undefined;
  const answer = has("checkin_answers")
    ? q(
        `INSERT INTO checkin_answers (checkin_id, person_id, grp, step, attended, spoke, listened, one_to_one, wants_support, invited_at, updated_at, completed_at)
         VALUES (?, ?, 'carer', 8, 'yes', 'fully', 'yes', 'no', 'no', ?, ?, ?)`,
      )
    : undefined;
  const paper = has("papers")
    ? q(
        "INSERT INTO papers (workstream_id, seq, meeting_id, link, title, added_by, added_at, sent_at) VALUES (?, ?, ?, 'https://example.org/p', 'Paper', ?, ?, ?)",
      )
    : undefined;
  const distribution = has("paper_distributions")
    ? q("INSERT INTO paper_distributions (meeting_id, due_at, sent_at, late) VALUES (?, ?, ?, 0)")
    : undefined;
  const oneToOne = has("one_to_ones")
    ? q(
        "INSERT INTO one_to_ones (workstream_id, person_id, chair_id, held_on, logged_at) VALUES (?, ?, ?, ?, ?)",
      )
    : undefined;
  const parked = has("parked_items")
    ? q(
        "INSERT INTO parked_items (workstream_id, seq, title, parked_by, status, parked_at, closed_at) VALUES (?, ?, 'Parked', ?, ?, ?, ?)",
      )
    : undefined;
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };

  db.transaction(() => {
    let personSeq = 0;
    for (let w = 1; w <= shape.workstreams; w++) {
      const wsId = Number(
        ws.run(`Workstream ${w}`, `slack:CW${w}`, settings, now - shape.years * 365 * DAY).lastInsertRowid,
      );
      count("workstreams");
      const people: number[] = [];
      for (let m = 0; m < shape.members; m++) {
        personSeq++;
        const id = Number(
          person.run(`slack:U${personSeq}`, `Person ${personSeq}`, `slack:U${personSeq}`).lastInsertRowid,
        );
        member.run(
          wsId,
          id,
          m === 0 ? "chair" : m === 1 ? "coordinator" : "member",
          now - shape.years * 365 * DAY,
        );
        people.push(id);
      }
      count("people", people.length);
      const chair = people[0] as number;
      let seq = 0;
      for (let t = now - shape.years * 365 * DAY; t < now - 14 * DAY; t += 14 * DAY) {
        seq++;
        const meetingId = Number(
          meeting.run(wsId, seq, t, t + 2 * 3_600_000, "ended", t + 2 * 3_600_000, t - 30 * DAY)
            .lastInsertRowid,
        );
        count("meetings");
        const checkinId = checkin
          ? Number(
              checkin.run(
                meetingId,
                wsId,
                t + 2 * 3_600_000,
                t + 26 * 3_600_000,
                t + 74 * 3_600_000,
                t + 26 * 3_600_000,
                t + 74 * 3_600_000,
              ).lastInsertRowid,
            )
          : 0;
        if (paper) paper.run(wsId, seq, meetingId, chair, t - 10 * DAY, t - 7 * DAY);
        distribution?.run(meetingId, t - 7 * DAY, t - 7 * DAY);
        for (const p of people) {
          attendance.run(meetingId, p, t - DAY);
          outbox.run(
            `meeting-reminder:${meetingId}:${p}`,
            `slack:U${p}`,
            p,
            wsId,
            `meeting:${meetingId}`,
            t - DAY,
            t - DAY,
            t - DAY,
            t - DAY,
          );
          if (answer && p !== chair) {
            answer.run(checkinId, p, t + 2 * 3_600_000, t + 3 * 3_600_000, t + 3 * 3_600_000);
            outbox.run(
              `checkin:${checkinId}:${p}`,
              `slack:U${p}`,
              p,
              wsId,
              `checkin:${checkinId}`,
              t,
              t,
              t,
              t,
            );
          }
        }
        count("attendance + outbox (+ answers)", people.length);
      }
      if (oneToOne) {
        for (let t = now - shape.years * 365 * DAY; t < now - 42 * DAY; t += 42 * DAY) {
          for (const p of people.slice(1)) oneToOne.run(wsId, p, chair, t, t);
        }
      }
      if (parked)
        for (let i = 1; i <= 20; i++)
          parked.run(wsId, i, chair, i % 2 ? "resolved" : "parked", now - i * 30 * DAY, i % 2 ? now : null);
      // The same work due now in both shapes: a meeting tomorrow, and one that ended an hour ago.
      if (w <= 3) {
        meeting.run(wsId, ++seq, now + DAY - 60_000, now + DAY + 2 * 3_600_000, "scheduled", null, now - DAY);
        meeting.run(wsId, ++seq, now - 3 * 3_600_000, now - 3_600_000, "scheduled", null, now - DAY);
      }
    }
  })();
  return counts;
}
