import type { MemberStore } from "../../src/ports/store.ts";
import type { Db } from "./open.ts";
import { MemberRow, many, one, WorkstreamRow } from "./rows.ts";

const SELECT = `SELECT p.*, m.workstream_id, m.role, m.grp FROM members m JOIN people p ON p.id = m.person_id`;

export function createMemberStore(db: Db): MemberStore {
  const get = db.prepare(`${SELECT} WHERE m.workstream_id = ? AND m.person_id = ? AND m.removed_at IS NULL`);
  const list = db.prepare(
    `${SELECT} WHERE m.workstream_id = ? AND m.removed_at IS NULL
     ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 ELSE 2 END, p.name`,
  );
  const upsert = db.prepare(
    `INSERT INTO members (workstream_id, person_id, role, grp, joined_at) VALUES (@workstreamId, @personId, @role, @group, @now)
     ON CONFLICT(workstream_id, person_id) DO UPDATE SET role = excluded.role, grp = excluded.grp, removed_at = NULL`,
  );
  const setRole = db.prepare("UPDATE members SET role = ? WHERE workstream_id = ? AND person_id = ?");
  const setGroup = db.prepare("UPDATE members SET grp = ? WHERE workstream_id = ? AND person_id = ?");
  const remove = db.prepare("UPDATE members SET removed_at = ? WHERE workstream_id = ? AND person_id = ?");
  const workstreamsOf = db.prepare(
    `SELECT w.* FROM workstreams w JOIN members m ON m.workstream_id = w.id
     WHERE m.person_id = ? AND m.removed_at IS NULL ORDER BY w.name`,
  );
  return {
    add(input) {
      upsert.run({ ...input, now: input.now.getTime() });
      return MemberRow.parse(get.get(input.workstreamId, input.personId));
    },
    get: (workstreamId, personId) => one(MemberRow, get.get(workstreamId, personId)),
    list: (workstreamId) => many(MemberRow, list.all(workstreamId)),
    setRole(workstreamId, personId, role) {
      setRole.run(role, workstreamId, personId);
    },
    setGroup(workstreamId, personId, group) {
      setGroup.run(group, workstreamId, personId);
    },
    remove(workstreamId, personId, now) {
      remove.run(now.getTime(), workstreamId, personId);
    },
    workstreamsOf: (personId) => many(WorkstreamRow, workstreamsOf.all(personId)),
  };
}
