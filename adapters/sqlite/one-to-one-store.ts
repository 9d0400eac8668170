import { z } from "zod";
import type { OneToOne, OneToOneRequest } from "../../src/domain/one-to-one.ts";
import type { OneToOneStore } from "../../src/ports/one-to-one-store.ts";
import type { Db } from "./open.ts";
import { epochMs, epochMsOrNull, many, rowReader, toDate, toDateOrNull } from "./rows.ts";

const OneToOneRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    person_id: z.number(),
    chair_id: z.number(),
    held_on: epochMs,
    logged_at: epochMs,
  }),
  (r): OneToOne => ({
    id: r.id,
    workstreamId: r.workstream_id,
    personId: r.person_id,
    chairId: r.chair_id,
    heldOn: toDate(r.held_on),
    loggedAt: toDate(r.logged_at),
  }),
);

const RequestRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    person_id: z.number(),
    source: z.enum(["command", "checkin"]),
    requested_at: epochMs,
    cleared_at: epochMsOrNull,
  }),
  (r): OneToOneRequest => ({
    id: r.id,
    workstreamId: r.workstream_id,
    personId: r.person_id,
    source: r.source,
    requestedAt: toDate(r.requested_at),
    clearedAt: toDateOrNull(r.cleared_at),
  }),
);

export function createOneToOneStore(db: Db): OneToOneStore {
  const insert = db.prepare(
    `INSERT INTO one_to_ones (workstream_id, person_id, chair_id, held_on, logged_at)
     VALUES (?, ?, ?, ?, ?) RETURNING *`,
  );
  // The latest by day held; among several logged for the same day, the last logged.
  const latest = db.prepare(
    `SELECT o.* FROM one_to_ones o WHERE o.workstream_id = ? AND o.id = (
       SELECT i.id FROM one_to_ones i WHERE i.workstream_id = o.workstream_id AND i.person_id = o.person_id
       ORDER BY i.held_on DESC, i.id DESC LIMIT 1)`,
  );
  const openRequest = db.prepare(
    "SELECT * FROM one_to_one_requests WHERE workstream_id = ? AND person_id = ? AND cleared_at IS NULL",
  );
  const insertRequest = db.prepare(
    `INSERT INTO one_to_one_requests (workstream_id, person_id, source, requested_at) VALUES (?, ?, ?, ?) RETURNING *`,
  );
  const openRequests = db.prepare(
    "SELECT * FROM one_to_one_requests WHERE workstream_id = ? AND cleared_at IS NULL ORDER BY requested_at, id",
  );
  const clear = db.prepare(
    "UPDATE one_to_one_requests SET cleared_at = ? WHERE workstream_id = ? AND person_id = ? AND cleared_at IS NULL",
  );
  const joined = db.prepare(
    "SELECT person_id, joined_at FROM members WHERE workstream_id = ? AND removed_at IS NULL",
  );
  return {
    log: (input) =>
      OneToOneRow.parse(
        insert.get(
          input.workstreamId,
          input.personId,
          input.chairId,
          input.heldOn.getTime(),
          input.now.getTime(),
        ),
      ),
    latestByMember: (workstreamId) =>
      new Map(many(OneToOneRow, latest.all(workstreamId)).map((o) => [o.personId, o])),
    request(input) {
      const existing = openRequest.get(input.workstreamId, input.personId);
      if (existing !== undefined) return { request: RequestRow.parse(existing), created: false };
      const row = insertRequest.get(input.workstreamId, input.personId, input.source, input.now.getTime());
      return { request: RequestRow.parse(row), created: true };
    },
    openRequests: (workstreamId) => many(RequestRow, openRequests.all(workstreamId)),
    clearRequest: (workstreamId, personId, now) =>
      clear.run(now.getTime(), workstreamId, personId).changes > 0,
    joinedAt: (workstreamId) =>
      new Map(
        (joined.all(workstreamId) as Array<{ person_id: number; joined_at: number }>).map((r) => [
          r.person_id,
          new Date(r.joined_at),
        ]),
      ),
  };
}
