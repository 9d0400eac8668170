import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { defaultSettings } from "../../src/domain/settings.ts";

/** Settings with no quiet hours, so a test does not depend on the time of day it runs. */
export function alwaysAwake() {
  return { ...defaultSettings("Europe/London"), "quiet-hours": "off", "quiet-weekends": "off" as const };
}

/**
 * A database file with one Slack workstream of `members` people (U1 is the chair) and one
 * meeting starting `startsInMs` from `now`: its day-before reminder is due at once.
 */
export function seedBigMeeting(path: string, members: number, now: Date, startsInMs = 23 * 3_600_000) {
  const db = openDatabase(path);
  migrate(db);
  const store = createSqliteStore(db);
  store.transaction(() => {
    const ws = store.workstreams.create({
      name: "Crash test",
      channel: "slack:CCRASH",
      settings: alwaysAwake(),
      now,
    });
    for (let n = 1; n <= members; n++) {
      const person = store.people.upsert({ key: `slack:U${n}`, name: `Person ${n}`, dm: `slack:U${n}` });
      store.members.add({
        workstreamId: ws.id,
        personId: person.id,
        role: n === 1 ? "chair" : "member",
        group: "carer",
        now,
      });
    }
    const startsAt = new Date(now.getTime() + startsInMs);
    store.meetings.create({
      workstreamId: ws.id,
      title: "Big meeting",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      now,
    });
  });
  db.close();
}
