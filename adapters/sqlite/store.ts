import type { Store } from "../../src/ports/store.ts";
import { createMeetingStore } from "./meeting-store.ts";
import { createMemberStore } from "./member-store.ts";
import type { Db } from "./open.ts";
import { createOutboxStore } from "./outbox-store.ts";
import { createPeopleStore } from "./people-store.ts";
import { createWorkstreamStore } from "./workstream-store.ts";

/** The Store port over one better-sqlite3 connection (already migrated). */
export function createSqliteStore(db: Db): Store {
  const seen = db.prepare("INSERT OR IGNORE INTO inbound_seen (key, seen_at) VALUES (?, ?)");
  return {
    transaction: (fn) => db.transaction(fn)(),
    people: createPeopleStore(db),
    workstreams: createWorkstreamStore(db),
    members: createMemberStore(db),
    meetings: createMeetingStore(db),
    outbox: createOutboxStore(db),
    inbound: { firstSeen: (key, now) => seen.run(key, now.getTime()).changes === 1 },
  };
}
