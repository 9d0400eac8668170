import { z } from "zod";
import { SettingsSchema } from "../../src/domain/settings.ts";
import type { ProgrammeStore } from "../../src/ports/programme-store.ts";
import type { Db } from "./open.ts";
import { epochMs, many, one, rowReader, toDate, WorkstreamRow } from "./rows.ts";

const ProgrammeRow = rowReader(
  z.object({
    id: z.number(),
    name: z.string(),
    channel: z.string(),
    settings: z.string(),
    created_at: epochMs,
  }),
  (r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    settings: SettingsSchema.parse(JSON.parse(r.settings)),
    createdAt: toDate(r.created_at),
  }),
);

/** Programmes over migrations/020. */
export function createProgrammeStore(db: Db): ProgrammeStore {
  const insert = db.prepare(
    "INSERT INTO programmes (name, channel, settings, created_at) VALUES (?, ?, ?, ?) RETURNING *",
  );
  const byChannel = db.prepare("SELECT * FROM programmes WHERE channel = ?");
  const byName = db.prepare("SELECT * FROM programmes WHERE name = ? COLLATE NOCASE");
  const byId = db.prepare("SELECT * FROM programmes WHERE id = ?");
  const all = db.prepare("SELECT * FROM programmes ORDER BY name");
  const update = db.prepare("UPDATE programmes SET settings = ? WHERE id = ?");
  const addLead = db.prepare(
    "INSERT OR IGNORE INTO programme_leads (programme_id, person_id, added_at) VALUES (?, ?, ?)",
  );
  const isLead = db.prepare("SELECT 1 FROM programme_leads WHERE programme_id = ? AND person_id = ?");
  const leads = db.prepare(
    "SELECT person_id FROM programme_leads WHERE programme_id = ? ORDER BY added_at, person_id",
  );
  const ledBy = db.prepare(
    `SELECT p.* FROM programmes p JOIN programme_leads l ON l.programme_id = p.id
      WHERE l.person_id = ? ORDER BY p.name`,
  );
  const addWorkstream = db.prepare(
    "INSERT OR IGNORE INTO programme_workstreams (programme_id, workstream_id, added_at) VALUES (?, ?, ?)",
  );
  const ofWorkstream = db.prepare(
    `SELECT p.* FROM programmes p JOIN programme_workstreams w ON w.programme_id = p.id
      WHERE w.workstream_id = ?`,
  );
  const workstreams = db.prepare(
    `SELECT ws.* FROM workstreams ws JOIN programme_workstreams w ON w.workstream_id = ws.id
      WHERE w.programme_id = ? ORDER BY ws.name`,
  );
  return {
    create: ({ name, channel, settings, now }) =>
      ProgrammeRow.parse(insert.get(name, channel, JSON.stringify(settings), now.getTime())),
    byChannel: (channel) => one(ProgrammeRow, byChannel.get(channel)),
    byName: (name) => one(ProgrammeRow, byName.get(name)),
    byId: (id) => one(ProgrammeRow, byId.get(id)),
    all: () => many(ProgrammeRow, all.all()),
    updateSettings(id, settings) {
      update.run(JSON.stringify(settings), id);
    },
    addLead: (programmeId, personId, now) => addLead.run(programmeId, personId, now.getTime()).changes === 1,
    isLead: (programmeId, personId) => isLead.get(programmeId, personId) !== undefined,
    leads: (programmeId) => (leads.all(programmeId) as Array<{ person_id: number }>).map((r) => r.person_id),
    ledBy: (personId) => many(ProgrammeRow, ledBy.all(personId)),
    addWorkstream: (programmeId, workstreamId, now) =>
      addWorkstream.run(programmeId, workstreamId, now.getTime()).changes === 1,
    ofWorkstream: (workstreamId) => one(ProgrammeRow, ofWorkstream.get(workstreamId)),
    workstreams: (programmeId) => many(WorkstreamRow, workstreams.all(programmeId)),
  };
}
