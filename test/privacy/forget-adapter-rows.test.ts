import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { MIGRATIONS_DIR, migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { runCommand, startSlackHarness } from "../helpers/slack-harness.ts";
import {
  channelMessage,
  personalInstall,
  personalMessage,
  startTeamsHarness,
} from "../helpers/teams-harness.ts";

interface Row {
  platform: string;
  key: string;
  data: string;
  person_key: string | null;
}
const rows = (db: Db): Row[] =>
  db
    .prepare("SELECT platform, key, data, person_key FROM adapter_data ORDER BY platform, key")
    .all() as Row[];

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "cp-forget-adapter-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("forgetting someone removes what each platform kept about them", () => {
  it("removes the Slack DM channel the bot opened for them, and keeps everyone else's", async () => {
    const h = await startSlackHarness({
      users: { U1: { name: "Kim Patel" }, U2: { name: "Sam Jones" } },
      channelMembers: { C1: ["U1", "U2"] },
    });
    try {
      await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
      await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U2>" });
      await h.bot.deliver();
      expect(rows(h.db)).toContainEqual({
        platform: "slack",
        key: "dm:U2",
        data: '"DU2"',
        person_key: "slack:U2",
      });
      const others = rows(h.db).filter((r) => r.person_key !== "slack:U2");

      const report = forgetPerson(h.db, "slack:U2");

      expect(report.removed["platform data about them"]).toBe(1);
      expect(rows(h.db)).toEqual(others);
      expect(JSON.stringify(rows(h.db))).not.toContain("U2");
    } finally {
      await h.close();
    }
  });

  it("removes their Teams 1:1 chat reference and what a team told about them, and keeps the channel's", async () => {
    const dbPath = join(tempDir(), "teams.db");
    const h = await startTeamsHarness({ dbPath });
    await h.post(personalInstall("sam"));
    await h.post(personalMessage("sam", "help"));
    await h.post(channelMessage("kim", "workstream setup Medication safety"));
    await h.close();
    const db = openDatabase(dbPath);
    try {
      const before = rows(db);
      expect(before.filter((r) => r.person_key === "teams:29:sam").length).toBeGreaterThan(0);
      const kept = before.filter((r) => r.person_key !== "teams:29:sam");
      // The channel's own reference belongs to no one.
      expect(kept.some((r) => r.person_key === null && r.key.startsWith("teams:19:"))).toBe(true);

      const report = forgetPerson(db, "teams:29:sam");

      expect(report.found).toBe(true);
      expect(rows(db)).toEqual(kept);
      expect(JSON.stringify(rows(db))).not.toContain("29:sam");
    } finally {
      db.close();
    }
  });

  it("removes a row an adapter marked as theirs, whatever the adapter's key looks like", async () => {
    const h = createHarness();
    try {
      await seedGroup(h);
      h.bot.adapterData("elsewhere").put("room/7/seat/3", { seat: 3 }, "test:sam");
      h.bot.adapterData("elsewhere").put("room/7", { seats: 12 });

      forgetPerson(h.db, "test:sam");

      expect(rows(h.db)).toEqual([
        { platform: "elsewhere", key: "room/7", data: '{"seats":12}', person_key: null },
      ]);
    } finally {
      h.cleanup();
    }
  });

  it("keeps a row's person when the adapter rewrites it without saying (a Teams chat marked removed)", () => {
    const h = createHarness();
    try {
      const data = h.bot.adapterData("teams");
      data.put("teams:29:sam", { kind: "conversation" }, "teams:29:sam");
      data.put("teams:29:sam", { kind: "gone" });
      expect(rows(h.db)).toEqual([
        { platform: "teams", key: "teams:29:sam", data: '{"kind":"gone"}', person_key: "teams:29:sam" },
      ]);
    } finally {
      h.cleanup();
    }
  });
});

describe("migration 012 (adapter data by person)", () => {
  it("moves the rows an older database kept, with the person read from each where it can be", () => {
    // A database as it was before 012: migrated up to 011, with the rows adapters wrote then.
    const dir = tempDir();
    const older = join(dir, "migrations");
    mkdirSync(older);
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < "012")) {
      copyFileSync(join(MIGRATIONS_DIR, file), join(older, file));
    }
    const db = openDatabase(join(dir, "old.db"));
    try {
      migrate(db, older);
      const put = db.prepare("INSERT INTO platform_data (key, data, updated_at) VALUES (?, ?, 1)");
      put.run("slack-dm:U2", JSON.stringify("DU2"));
      put.run(
        "teams:29:sam",
        JSON.stringify({
          kind: "conversation",
          reference: { user: { id: "29:sam" }, conversation: { id: "a:1" } },
        }),
      );
      put.run(
        "teams:29:kim",
        JSON.stringify({ kind: "member", userId: "29:kim", serviceUrl: "s", botId: "28:b" }),
      );
      put.run("teams:29:lee", JSON.stringify({ kind: "gone" }));
      put.run("teams:19:chan@thread.tacv2", JSON.stringify({ kind: "conversation", reference: {} }));

      expect(migrate(db)).toContain("012-adapter-data-person.sql");

      expect(rows(db).map((r) => [r.platform, r.key, r.person_key])).toEqual([
        ["slack", "dm:U2", "slack:U2"],
        ["teams", "teams:19:chan@thread.tacv2", null],
        ["teams", "teams:29:kim", "teams:29:kim"],
        ["teams", "teams:29:lee", "teams:29:lee"],
        ["teams", "teams:29:sam", "teams:29:sam"],
      ]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'platform_data'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
