import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { message } from "../../src/messages/message.ts";
import { textOf } from "../helpers/teams-connector-mock.ts";
import { chatOf, personalMessage, startTeamsHarness } from "../helpers/teams-harness.ts";

// Every Teams message carries the person's conversation reference again, so the adapter's store
// remembers the rows it last read or wrote and skips a write that would change nothing. These
// tests are the attacks on that memory: a forgotten person must never be written to again.
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "cp-teams-memory-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const referenceRow = (db: Db, key: string) =>
  db
    .prepare("SELECT data, person_key, updated_at FROM adapter_data WHERE platform = 'teams' AND key = ?")
    .get(key) as { data: string; person_key: string | null; updated_at: number } | undefined;

describe("the Teams reference book's memory", () => {
  it("after `npm run forget` in another process, nothing more goes to the forgotten person from memory", async () => {
    const dbPath = join(tempDir(), "teams.db");
    const h = await startTeamsHarness({ dbPath });
    try {
      await h.post(personalMessage("sam", "help"));
      const teams = h.gateways.get("teams");
      if (!teams) throw new Error("no Teams gateway");
      await teams.send("teams:29:sam", message("Before"));
      expect(h.connector.messagesTo(chatOf("sam")).some((c) => textOf(c).includes("Before"))).toBe(true);

      // `npm run forget` opens the database itself.
      const other = openDatabase(dbPath);
      forgetPerson(other, "teams:29:sam");
      other.close();

      await expect(teams.send("teams:29:sam", message("After"))).rejects.toMatchObject({
        failure: { kind: "unreachable" },
      });
      expect(h.connector.messagesTo(chatOf("sam")).some((c) => textOf(c).includes("After"))).toBe(false);

      // If they write to the bot again, their chat is stored again, as for anyone new.
      await h.post(personalMessage("sam", "help"));
      await teams.send("teams:29:sam", message("Welcome back"));
      expect(h.connector.messagesTo(chatOf("sam")).some((c) => textOf(c).includes("Welcome back"))).toBe(
        true,
      );
    } finally {
      await h.close();
    }
  });

  it("a message that changes nothing does not rewrite the stored reference; a changed one does", async () => {
    const dbPath = join(tempDir(), "teams.db");
    const h = await startTeamsHarness({ dbPath });
    const db = openDatabase(dbPath);
    try {
      await h.post(personalMessage("sam", "help"));
      const first = referenceRow(db, "teams:29:sam");
      expect(first?.person_key).toBe("teams:29:sam");
      h.clock.advance(60_000);
      await h.post(personalMessage("sam", "help"));
      expect(referenceRow(db, "teams:29:sam")).toEqual(first);

      await h.post(personalMessage("sam", "help", { serviceUrl: "https://smba.example/emea/" }));
      const moved = referenceRow(db, "teams:29:sam");
      expect(JSON.parse(moved?.data ?? "{}").reference.serviceUrl).toBe("https://smba.example/emea/");
    } finally {
      db.close();
      await h.close();
    }
  });

  it("forgetting on the same connection, or a rolled-back write, is never answered from memory", () => {
    const db = openDatabase(join(tempDir(), "one.db"));
    try {
      migrate(db);
      const store = createAdapterDataStore(db);
      createSqliteStore(db).people.upsert({ key: "teams:29:sam", name: "Sam Jones", dm: "teams:29:sam" });
      const now = new Date("2026-12-01T12:00:00Z");
      store.put("teams", "teams:29:sam", { chat: "a:dm-sam" }, now, "teams:29:sam");
      expect(store.get("teams", "teams:29:sam")).toEqual({ chat: "a:dm-sam" });

      expect(forgetPerson(db, "teams:29:sam").removed["platform data about them"]).toBe(1);
      expect(store.get("teams", "teams:29:sam")).toBeUndefined();
      // Written again (not skipped as "unchanged"): the row is back only because it was put.
      store.put("teams", "teams:29:sam", { chat: "a:dm-sam" }, now, "teams:29:sam");
      expect(referenceRow(db, "teams:29:sam")?.data).toBe('{"chat":"a:dm-sam"}');

      const rollBack = db.transaction(() => {
        store.put("teams", "teams:29:kim", { chat: "a:dm-kim" }, now, "teams:29:kim");
        throw new Error("rolled back");
      });
      expect(() => rollBack()).toThrow("rolled back");
      expect(store.get("teams", "teams:29:kim")).toBeUndefined();
      store.put("teams", "teams:29:kim", { chat: "a:dm-kim" }, now, "teams:29:kim");
      expect(referenceRow(db, "teams:29:kim")?.data).toBe('{"chat":"a:dm-kim"}');
    } finally {
      db.close();
    }
  });
});
