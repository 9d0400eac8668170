import type { Store } from "../../src/ports/store.ts";
import { createAgendaStore } from "./agenda-store.ts";
import { createCheckInStore } from "./checkin-store.ts";
import { createDecisionStore } from "./decision-store.ts";
import { createDigestFacts } from "./digest-store.ts";
import { createDissentStore } from "./dissent-store.ts";
import { createGlossaryStore } from "./glossary-store.ts";
import { createGroundRulesStore } from "./ground-rules-store.ts";
import { createMeetingStore } from "./meeting-store.ts";
import { createMemberStore } from "./member-store.ts";
import { createOneToOneStore } from "./one-to-one-store.ts";
import type { Db } from "./open.ts";
import { createOutboxStore } from "./outbox-store.ts";
import { createOutcomeFacts } from "./outcome-facts.ts";
import { createPapersStore } from "./papers-store.ts";
import { createParkingStore } from "./parking-store.ts";
import { createPeopleStore } from "./people-store.ts";
import { createProgrammeFacts } from "./programme-facts.ts";
import { createProgrammeStore } from "./programme-store.ts";
import { createReviewStore } from "./review-store.ts";
import { createSchedulerStore } from "./scheduler-store.ts";
import { createSupportStore } from "./support-store.ts";
import { createWorkstreamStore } from "./workstream-store.ts";

/** The Store port over one better-sqlite3 connection (already migrated). */
export function createSqliteStore(db: Db): Store {
  const seen = db.prepare("INSERT OR IGNORE INTO inbound_seen (key, seen_at) VALUES (?, ?)");
  const totalChanges = db.prepare("SELECT total_changes()").pluck();
  const forgetSeen = db.prepare(
    `DELETE FROM inbound_seen WHERE key IN
       (SELECT key FROM inbound_seen WHERE seen_at < ? ORDER BY seen_at LIMIT ?)`,
  );
  return {
    transaction: (fn) => db.transaction(fn)(),
    flushJournal() {
      // Best effort: a reader in another process can hold the journal open for a moment; the
      // next flush, or SQLite's own checkpoint, then empties it.
      db.pragma("wal_checkpoint(TRUNCATE)");
    },
    writes: () => totalChanges.get() as number,
    people: createPeopleStore(db),
    workstreams: createWorkstreamStore(db),
    members: createMemberStore(db),
    meetings: createMeetingStore(db),
    outbox: createOutboxStore(db),
    inbound: {
      firstSeen: (key, now) => seen.run(key, now.getTime()).changes === 1,
      forgetBefore: (before, limit) => forgetSeen.run(before.getTime(), limit).changes,
    },
    checkIns: createCheckInStore(db),
    support: createSupportStore(db),
    dissent: createDissentStore(db),
    parking: createParkingStore(db),
    oneToOnes: createOneToOneStore(db),
    digestFacts: createDigestFacts(db),
    papers: createPapersStore(db),
    glossary: createGlossaryStore(db),
    agenda: createAgendaStore(db),
    scheduler: createSchedulerStore(db),
    decisions: createDecisionStore(db),
    outcomeFacts: createOutcomeFacts(db),
    groundRules: createGroundRulesStore(db),
    reviews: createReviewStore(db),
    programmes: createProgrammeStore(db),
    programmeFacts: createProgrammeFacts(db),
  };
}
