import {
  clearFreeSpace,
  forgetCopiedWords,
  forgetWordsInOutbox,
  REMOVED,
  THEIR_TEXT,
  wordsOf,
} from "./forget-words.ts";
import type { Db } from "./open.ts";
import { EMPTIED_BODY } from "./outbox-store.ts";

/** What `npm run forget` removed, table by table (row counts). */
export interface ForgetReport {
  found: boolean;
  personId?: number;
  removed: Record<string, number>;
  /** True when the file's free space and the write-ahead log no longer hold what was removed. */
  cleared?: boolean;
}

export { REMOVED };

/**
 * Erases one person's personal data (PRODUCT.md §10, §15): their name, key and DM address, the
 * wording of what they wrote wherever it was copied (messages to others, parked items), direct
 * messages still waiting for them, and the adapters' rows marked as theirs, keeping anonymous
 * counts. Every table and column is checked first, so a schema without a feature's tables is
 * fine. All or nothing: one transaction; then the file's free space and log are cleared.
 */
export function forgetPerson(db: Db, key: string, now = Date.now()): ForgetReport {
  const person = db.prepare("SELECT id, key, name, dm FROM people WHERE key = ?").get(key) as
    | { id: number; key: string; name: string; dm: string }
    | undefined;
  if (!person) return { found: false, removed: {} };
  const columns = (table: string): string[] =>
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map(
      (c) => c.name,
    );
  const has = (table: string, ...cols: string[]) => {
    const present = columns(table);
    return present.length > 0 && cols.every((c) => present.includes(c));
  };
  const removed: Record<string, number> = {};
  const note = (what: string, n: number) => {
    if (n > 0) removed[what] = (removed[what] ?? 0) + n;
  };
  const anonymous = `forgotten:${person.id}`;
  // What this connection deletes is overwritten with zeros, not just marked free.
  db.pragma("secure_delete = ON");

  // IMMEDIATE: it reads before it writes, and a bot writing in between must make it wait for
  // the lock at the start, not fail half-way with a snapshot that is out of date.
  db.transaction(() => {
    const words = wordsOf(db, has, person.id);
    for (const { table, owner, columns: cols } of THEIR_TEXT) {
      for (const col of cols) {
        if (!has(table, owner, col)) continue;
        const n = db
          .prepare(
            `UPDATE "${table}" SET "${col}" = ? WHERE "${owner}" = ? AND "${col}" IS NOT NULL AND "${col}" != ?`,
          )
          .run(REMOVED, person.id, REMOVED).changes;
        note(`${table}.${col}`, n);
      }
    }
    // Every earlier wording of their dissent, in the append-only history.
    if (has("dissent_history", "dissent_id", "old_view", "new_view") && has("dissent", "member_id")) {
      const n = db
        .prepare(
          `UPDATE dissent_history SET
             old_view = CASE WHEN old_view IS NULL THEN NULL ELSE ? END,
             new_view = CASE WHEN new_view IS NULL THEN NULL ELSE ? END
           WHERE dissent_id IN (SELECT id FROM dissent WHERE member_id = ?)`,
        )
        .run(REMOVED, REMOVED, person.id).changes;
      note("dissent_history wording", n);
    }
    if (has("outbox", "person_id", "address", "status")) {
      // Messages still waiting for them are not sent; those already sent keep no content.
      note(
        "outbox messages waiting for them (deleted)",
        db
          .prepare("DELETE FROM outbox WHERE status = 'pending' AND (person_id = ? OR address = ?)")
          .run(person.id, person.dm).changes,
      );
      note(
        "outbox messages sent to them (emptied)",
        db
          .prepare(
            "UPDATE outbox SET message = ?, address = ? WHERE person_id = ? OR address = ? OR address = ?",
          )
          .run(EMPTIED_BODY, anonymous, person.id, person.dm, person.key).changes,
      );
      forgetWordsInOutbox(db, person.id, words, now, note);
      // Their name inside messages to other people ("Sam added…"), as it is written in the JSON.
      const escaped = JSON.stringify(person.name).slice(1, -1);
      if (escaped.length > 0) {
        note(
          "their name in other messages",
          db
            .prepare("UPDATE outbox SET message = replace(message, ?, ?) WHERE instr(message, ?) > 0")
            .run(escaped, REMOVED, escaped).changes,
        );
      }
    }
    forgetCopiedWords(db, has, person.id, words, note);
    if (has("adapter_data", "person_key")) {
      note(
        "platform data about them",
        // Each adapter marks the rows about a person with their key: no adapter's key format
        // needs knowing here.
        db.prepare("DELETE FROM adapter_data WHERE person_key = ?").run(person.key).changes,
      );
    }
    if (has("programme_leads", "person_id")) {
      // A forgotten person leads nothing: no programme digest is addressed to them again.
      note(
        "programme leads",
        db.prepare("DELETE FROM programme_leads WHERE person_id = ?").run(person.id).changes,
      );
    }
    if (has("members", "removed_at")) {
      note(
        "workstream memberships (ended)",
        db
          .prepare("UPDATE members SET removed_at = ? WHERE person_id = ? AND removed_at IS NULL")
          .run(now, person.id).changes,
      );
    }
    // Any other text column holding exactly their key or address (tables added later included).
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'people'",
      )
      .all() as Array<{ name: string }>;
    for (const { name: table } of tables) {
      const textColumns = (
        db.prepare("SELECT name, type FROM pragma_table_info(?)").all(table) as Array<{
          name: string;
          type: string;
        }>
      ).filter((c) => /TEXT|CHAR|CLOB|^$/i.test(c.type));
      for (const { name: col } of textColumns) {
        const sql = `UPDATE "${table}" SET "${col}" = ? WHERE "${col}" IN (?, ?)`;
        try {
          note(
            `${table}.${col} (their address)`,
            db.prepare(sql).run(`${anonymous}:${table}`, person.key, person.dm).changes,
          );
        } catch {
          // A unique or check constraint on this column: it cannot hold their address anyway.
        }
      }
    }
    db.prepare("UPDATE people SET key = ?, name = ?, dm = ?, quiet_until = NULL WHERE id = ?").run(
      anonymous,
      REMOVED,
      anonymous,
      person.id,
    );
    note("name, key and address", 1);
  }).immediate();
  return { found: true, personId: person.id, removed, cleared: clearFreeSpace(db) };
}
