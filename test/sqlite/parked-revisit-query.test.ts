import { afterEach, describe, expect, it } from "vitest";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { defaultSettings } from "../../src/domain/settings.ts";
import { tempDatabase } from "../helpers/harness.ts";

const database = tempDatabase();
afterEach(() => database.cleanup());

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the parked-revisit rule's query", () => {
  it("reads only items whose meeting is still to come and within the horizon, using an index", () => {
    const db = database.open();
    const store = createSqliteStore(db);
    const now = at("2026-12-08");
    const ws = store.workstreams.create({
      name: "Medication safety",
      channel: "test:#group",
      settings: defaultSettings("Europe/London"),
      now,
    });
    const chris = store.people.upsert({ key: "test:chris", name: "Chris", dm: "test:chris" });
    const meeting = (day: string) =>
      store.meetings.create({ workstreamId: ws.id, title: "M", startsAt: at(day), endsAt: at(day), now });
    meeting("2026-11-01");
    meeting("2026-12-01"); // the last to have started
    store.meetings.setStatus(meeting("2026-12-05").id, "cancelled", now); // not a meeting at all
    meeting("2026-12-10");
    const park = (title: string, revisit: string | null) =>
      store.parking.create({
        workstreamId: ws.id,
        title,
        raisedBy: null,
        parkedBy: chris.id,
        ownerId: null,
        revisitOn: revisit ? at(revisit) : null,
        fromDissentId: null,
        now,
      }).id;
    park("had its meeting long ago", "2026-10-20");
    park("had its meeting on 1 December", "2026-12-01");
    const afterCancelled = park("due at the meeting after the cancelled one", "2026-12-03");
    const next = park("due at the next meeting", "2026-12-09");
    park("too far ahead", "2027-03-01");
    park("no date", null);
    const closed = park("resolved", "2026-12-09");
    store.parking.close({ id: closed, status: "resolved", outcome: "done", actorId: chris.id, now });

    const horizon = new Date(now.getTime() + 61 * 86_400_000);
    const found = store.parking.openWithRevisitDue(now, horizon).map((i) => i.id);
    expect(found).toEqual([afterCancelled, next]);

    // Bounded per workstream by an index range, so old items are never read.
    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'parked_items_due'").get() as {
        sql: string;
      }
    ).sql;
    expect(sql).toContain("workstream_id, status, revisit_on");
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT p.* FROM workstreams w CROSS JOIN parked_items p
           WHERE p.workstream_id = w.id AND p.status = 'parked' AND p.revisit_on <= 1
             AND p.revisit_on > COALESCE((SELECT m.starts_at FROM meetings m
                   WHERE m.workstream_id = w.id AND m.starts_at <= 1 AND m.status <> 'cancelled'
                   ORDER BY m.starts_at DESC LIMIT 1), -9007199254740991)
           ORDER BY p.workstream_id, p.seq`,
        )
        .all() as Array<{ detail: string }>
    ).map((r) => r.detail);
    expect(plan).toContain(
      "SEARCH p USING INDEX parked_items_due (workstream_id=? AND status=? AND revisit_on>? AND revisit_on<?)",
    );
  });
});
