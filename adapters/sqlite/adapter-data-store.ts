import type { AdapterDataStore } from "../../src/ports/adapter-data.ts";
import type { Db } from "./open.ts";

/** Rows remembered as they are on disk; beyond this many the oldest is dropped. */
const REMEMBERED_ROWS = 2_000;

interface Row {
  json: string;
  person: string | null;
}

interface Listener {
  clear(): void;
}

/** The store writing right now (its own upsert must not empty what it remembers). */
let writer: Listener | undefined;
const watchers = new WeakMap<Db, Set<Listener>>();

/**
 * The stores over this connection, told whenever a row of `adapter_data` is updated or deleted
 * on it (a temporary trigger: this connection only, nothing written to the database file).
 */
function watchTable(db: Db): Set<Listener> {
  let listeners = watchers.get(db);
  if (listeners) return listeners;
  const all = new Set<Listener>();
  listeners = all;
  watchers.set(db, all);
  db.function("cp_adapter_data_changed", { deterministic: false }, () => {
    for (const listener of all) if (listener !== writer) listener.clear();
    return null;
  });
  for (const event of ["UPDATE", "DELETE"]) {
    db.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS cp_adapter_data_${event.toLowerCase()}
       AFTER ${event} ON main.adapter_data BEGIN SELECT cp_adapter_data_changed(); END`,
    );
  }
  return all;
}

/**
 * The adapters' key-value store over the `adapter_data` table (migrations/012).
 *
 * Every Teams message carries its conversation reference again, almost always unchanged, so
 * the rows last read or written are remembered as their JSON text and an unchanged write is
 * skipped (no SQL at all). What is remembered is forgotten as soon as the table may differ
 * from it: `PRAGMA data_version` moves when another connection commits (`npm run forget` runs
 * in its own process), and a temporary trigger on this connection reports any other update or
 * delete of the table. So a forgotten person's row is never written back from memory: the next
 * write after a forget goes to the table again.
 */
export function createAdapterDataStore(db: Db): AdapterDataStore {
  const put = db.prepare(
    `INSERT INTO adapter_data (platform, key, data, person_key, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(platform, key) DO UPDATE SET data = excluded.data,
       person_key = COALESCE(excluded.person_key, adapter_data.person_key),
       updated_at = excluded.updated_at`,
  );
  const get = db.prepare("SELECT data, person_key FROM adapter_data WHERE platform = ? AND key = ?");
  const dataVersion = db.prepare("PRAGMA data_version").pluck();

  /** (platform, key) → the row's JSON text and person, as they are on disk. */
  const rows = new Map<string, Row>();
  let version = dataVersion.get();
  const self = { clear: () => rows.clear() };
  watchTable(db).add(self);
  /** The remembered rows, emptied first if another connection has committed since. */
  function remembered(): Map<string, Row> {
    const now = dataVersion.get();
    if (now !== version) {
      version = now;
      rows.clear();
    }
    return rows;
  }
  /** Remembers a row as it is on disk; never inside a transaction, which may yet roll back. */
  function keep(id: string, row: Row): void {
    rows.delete(id);
    if (db.inTransaction) return;
    rows.set(id, row);
    if (rows.size > REMEMBERED_ROWS) rows.delete(rows.keys().next().value as string);
  }

  /** The row from the table, remembered. */
  function read(platform: string, key: string, id: string): Row | undefined {
    const row = get.get(platform, key) as { data: string; person_key: string | null } | undefined;
    if (!row) return undefined;
    const known = { json: row.data, person: row.person_key };
    keep(id, known);
    return known;
  }

  return {
    put(platform, key, data, now, personKey) {
      const id = `${platform}\u0000${key}`;
      const json = JSON.stringify(data);
      const known = remembered().get(id) ?? read(platform, key, id);
      if (known && known.json === json && (personKey === undefined || personKey === known.person)) return;
      writer = self;
      try {
        put.run(platform, key, json, personKey ?? null, now.getTime());
      } finally {
        writer = undefined;
      }
      // With no person given, the row keeps the one it had (none, if it is new).
      keep(id, { json, person: personKey ?? known?.person ?? null });
    },
    get(platform, key) {
      const id = `${platform}\u0000${key}`;
      const known = remembered().get(id) ?? read(platform, key, id);
      return known ? (JSON.parse(known.json) as unknown) : undefined;
    },
  };
}
