import type { PeopleStore } from "../../src/ports/store.ts";
import type { Db } from "./open.ts";
import { one, PersonRow } from "./rows.ts";

export function createPeopleStore(db: Db): PeopleStore {
  const byKey = db.prepare("SELECT * FROM people WHERE key = ?");
  const byId = db.prepare("SELECT * FROM people WHERE id = ?");
  const insert = db.prepare(
    `INSERT INTO people (key, name, dm) VALUES (@key, @name, @dm)
     ON CONFLICT(key) DO UPDATE SET name = excluded.name, dm = excluded.dm`,
  );
  const setQuiet = db.prepare("UPDATE people SET quiet_until = ? WHERE id = ?");
  return {
    upsert(person) {
      // Every command refreshes its caller: skip the write (and its WAL commit) when nothing changed.
      const known = one(PersonRow, byKey.get(person.key));
      if (known && known.name === person.name && known.dm === person.dm) return known;
      insert.run(person);
      return one(PersonRow, byKey.get(person.key)) as NonNullable<ReturnType<PeopleStore["byKey"]>>;
    },
    byKey: (key) => one(PersonRow, byKey.get(key)),
    byId: (id) => one(PersonRow, byId.get(id)),
    setQuietUntil(personId, until) {
      setQuiet.run(until?.getTime() ?? null, personId);
    },
  };
}
