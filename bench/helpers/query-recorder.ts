import type { Db } from "../../adapters/sqlite/open.ts";

/**
 * Wraps db.prepare so every statement remembers its SQL and last parameters when it runs while
 * recording is on: the scheduler's queries are found by running the tick, not by reading code,
 * so a rule added later is covered too.
 */
export function recordQueries(db: Db) {
  const seen = new Map<string, unknown[]>();
  let on = false;
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const statement = prepare(sql);
    return new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (on && ["run", "get", "all", "iterate"].includes(String(prop))) {
          return (...args: unknown[]) => {
            if (on && !seen.has(sql)) seen.set(sql, args);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  return {
    start() {
      on = true;
    },
    stop() {
      on = false;
    },
    /** Each distinct statement run while recording, with its query plan. */
    plans(): Array<{ sql: string; plan: string[] }> {
      return [...seen].map(([sql, args]) => {
        const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as never[])) as Array<{
          detail: string;
        }>;
        return { sql: sql.replace(/\s+/g, " ").trim(), plan: rows.map((r) => r.detail) };
      });
    },
  };
}
