import type { WorkstreamStore } from "../../src/ports/store.ts";
import type { Db } from "./open.ts";
import { many, one, WorkstreamRow } from "./rows.ts";

export function createWorkstreamStore(db: Db): WorkstreamStore {
  const byId = db.prepare("SELECT * FROM workstreams WHERE id = ?");
  const byChannel = db.prepare("SELECT * FROM workstreams WHERE channel = ?");
  const byName = db.prepare("SELECT * FROM workstreams WHERE name = ? COLLATE NOCASE");
  const all = db.prepare("SELECT * FROM workstreams ORDER BY name");
  const insert = db.prepare(
    "INSERT INTO workstreams (name, channel, settings, created_at) VALUES (?, ?, ?, ?) RETURNING *",
  );
  const update = db.prepare("UPDATE workstreams SET settings = ? WHERE id = ?");
  const close = db.prepare("UPDATE workstreams SET closed_at = ? WHERE id = ? AND closed_at IS NULL");
  return {
    create: ({ name, channel, settings, now }) =>
      WorkstreamRow.parse(insert.get(name, channel, JSON.stringify(settings), now.getTime())),
    byId: (id) => one(WorkstreamRow, byId.get(id)),
    byChannel: (channel) => one(WorkstreamRow, byChannel.get(channel)),
    byName: (name) => one(WorkstreamRow, byName.get(name)),
    all: () => many(WorkstreamRow, all.all()),
    updateSettings(id, settings) {
      update.run(JSON.stringify(settings), id);
    },
    close: (id, at) => close.run(at.getTime(), id).changes === 1,
  };
}
