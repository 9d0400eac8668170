import type { AdapterDataStore } from "../../src/ports/adapter-data.ts";
import type { Db } from "./open.ts";

/** The adapters' key-value store over the `adapter_data` table (migrations/012). */
export function createAdapterDataStore(db: Db): AdapterDataStore {
  const put = db.prepare(
    `INSERT INTO adapter_data (platform, key, data, person_key, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(platform, key) DO UPDATE SET data = excluded.data,
       person_key = COALESCE(excluded.person_key, adapter_data.person_key),
       updated_at = excluded.updated_at`,
  );
  const get = db.prepare("SELECT data FROM adapter_data WHERE platform = ? AND key = ?");
  return {
    put(platform, key, data, now, personKey) {
      put.run(platform, key, JSON.stringify(data), personKey ?? null, now.getTime());
    },
    get(platform, key) {
      const row = get.get(platform, key) as { data: string } | undefined;
      return row ? (JSON.parse(row.data) as unknown) : undefined;
    },
  };
}
