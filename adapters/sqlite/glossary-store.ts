import { z } from "zod";
import type { GlossaryStore } from "../../src/ports/papers-store.ts";
import type { Db } from "./open.ts";
import { epochMs, many, one, rowReader, toDate } from "./rows.ts";

const TermRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    term: z.string(),
    meaning: z.string(),
    updated_at: epochMs,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    term: r.term,
    meaning: r.meaning,
    updatedAt: toDate(r.updated_at),
  }),
);

/** The glossary over one better-sqlite3 connection. `term` is COLLATE NOCASE in the schema. */
export function createGlossaryStore(db: Db): GlossaryStore {
  const get = db.prepare("SELECT * FROM glossary_terms WHERE workstream_id = ? AND term = ?");
  const insert = db.prepare(
    "INSERT INTO glossary_terms (workstream_id, term, meaning, added_by, updated_at) VALUES (?, ?, ?, ?, ?)",
  );
  // Keeps the spelling first given (so "ICB" is not turned into "icb" by a later update).
  const update = db.prepare(
    "UPDATE glossary_terms SET meaning = ?, added_by = ?, updated_at = ? WHERE workstream_id = ? AND term = ?",
  );
  const list = db.prepare("SELECT * FROM glossary_terms WHERE workstream_id = ? ORDER BY term");
  const remove = db.prepare("DELETE FROM glossary_terms WHERE workstream_id = ? AND term = ?");
  return {
    upsert(input) {
      const changed = update.run(
        input.meaning,
        input.by,
        input.now.getTime(),
        input.workstreamId,
        input.term,
      );
      if (changed.changes > 0) return false;
      insert.run(input.workstreamId, input.term, input.meaning, input.by, input.now.getTime());
      return true;
    },
    get: (workstreamId, term) => one(TermRow, get.get(workstreamId, term)),
    list: (workstreamId) => many(TermRow, list.all(workstreamId)),
    remove: (workstreamId, term) => remove.run(workstreamId, term).changes === 1,
  };
}
