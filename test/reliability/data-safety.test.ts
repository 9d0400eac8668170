import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Database, type Db } from "../../adapters/sqlite/open.ts";
import { createHarness, type Harness, seedGroup, tempDatabase } from "../helpers/harness.ts";
import { ROOT } from "../helpers/run-program.ts";

/** Runs `npm run <script> -- args` the way npm does (tsx), with only DATABASE_PATH set. */
function runScript(script: string, args: string[], databasePath: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("scripts", `${script}.ts`), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: databasePath },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const count = (h: Harness, sql: string) => (h.db.prepare(sql).get() as { n: number }).n;
const has = (h: Harness, table: string) =>
  h.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

/** Every value of every column of every table that contains `needle` (case-sensitive). */
function findEverywhere(db: Db, needle: string): string[] {
  const found: string[] = [];
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const cols = (
      db.prepare("SELECT name FROM pragma_table_info(?)").all(name) as Array<{ name: string }>
    ).map((c) => c.name);
    for (const col of cols) {
      const rows = db
        .prepare(
          `SELECT CAST("${col}" AS TEXT) AS v FROM "${name}" WHERE instr(CAST("${col}" AS TEXT), ?) > 0`,
        )
        .all(needle) as Array<{ v: string }>;
      for (const r of rows) found.push(`${name}.${col}: ${r.v.slice(0, 80)}`);
    }
  }
  return found;
}

describe("data safety", () => {
  const database = tempDatabase();
  afterEach(() => database.cleanup());

  it("takes an online backup while the bot is writing, and the copy restores and reads", async () => {
    const h = createHarness({ dbPath: database });
    await seedGroup(h);
    // Keep writing while the backup runs, as a live bot would.
    let writes = 0;
    const writer = setInterval(() => {
      h.store.people.upsert({
        key: `test:busy${writes}`,
        name: `Busy ${writes}`,
        dm: `test:busy${writes}`,
      });
      writes++;
    }, 1);
    const target = join(database.path, "..", "backup.db");
    const result = await runScript("backup", [target], database.path);
    clearInterval(writer);
    expect(result.code, result.out).toBe(0);
    expect(writes).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(true);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const members = copy.prepare("SELECT COUNT(*) AS n FROM members").get() as { n: number };
    expect(members.n).toBe(5);
    const names = copy.prepare("SELECT name FROM workstreams").all() as Array<{ name: string }>;
    expect(names.map((n) => n.name)).toEqual(["Medication safety"]);
    copy.close();
    // Restoring is copying it back: a bot started on the copy reads it.
    const restored = createHarness({
      dbPath: { path: target, open: () => new Database(target), cleanup: () => {} } as never,
    });
    expect((await restored.say("sam", "/workstream")).text).toContain("Medication safety");
    restored.db.close();
  });

  it("forgets a person: nothing of theirs remains, the anonymous counts do, and it says what it removed", async () => {
    const h = createHarness({ dbPath: database });
    await seedGroup(h);
    const { store } = h;
    const ws = store.workstreams.byChannel(h.channel);
    const sam = store.people.byKey("test:sam");
    if (!ws || !sam) throw new Error("seed failed");
    const now = h.clock.now();
    store.meetings.create({
      workstreamId: ws.id,
      title: "Last week",
      startsAt: new Date(now.getTime() - 3 * 3_600_000),
      endsAt: new Date(now.getTime() - 3_600_000),
      now,
    });
    await h.say("chris", "/checkin start M-1");
    await h.say("sam", "/support Sam needs a taxi to the hospital");
    await h.say("sam", "/dissent Sam thinks the rota is unsafe");
    await h.say("chris", "/dissent <@sam|Sam> Sam also said the night shift is understaffed");
    store.meetings.setAttendance(1, sam.id, "yes", now);
    if (has(h, "checkin_answers")) {
      h.db
        .prepare(
          "UPDATE checkin_answers SET attended = 'yes', listened = 'partly', comment = 'Sam felt rushed' WHERE person_id = ?",
        )
        .run(sam.id);
    }
    if (has(h, "paper_questions")) {
      h.db
        .prepare(
          "INSERT INTO paper_questions (workstream_id, meeting_id, person_id, question, asked_at) VALUES (?, 1, ?, 'What does ICB mean, asks Sam?', ?)",
        )
        .run(ws.id, sam.id, now.getTime());
    }
    h.bot.adapterData("test").put("test:sam", { conversation: "test:sam" }, "test:sam");
    store.outbox.enqueue(
      {
        key: "later:sam",
        address: "test:sam",
        message: { text: "Hi Sam, later", blocks: [] },
        notBefore: new Date(now.getTime() + 86_400_000),
        personId: sam.id,
      },
      now,
    );
    await h.bot.deliver();
    expect(findEverywhere(h.db, "Sam").length).toBeGreaterThan(3);

    const answers = has(h, "checkin_answers") ? count(h, "SELECT COUNT(*) AS n FROM checkin_answers") : 0;
    const listened = has(h, "checkin_answers")
      ? count(h, "SELECT COUNT(*) AS n FROM checkin_answers WHERE listened = 'partly'")
      : 0;
    const attendance = count(h, "SELECT COUNT(*) AS n FROM attendance");

    const result = await runScript("forget", ["test", "sam"], database.path);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Forgot test sam/);
    expect(result.out).toMatch(/support_requests\.need: 1/);
    expect(result.out).toMatch(/dissent\.view: 2/);

    // Nothing of theirs remains: not their key, not their name, in any column of any table.
    expect(findEverywhere(h.db, "test:sam")).toEqual([]);
    expect(findEverywhere(h.db, "Sam")).toEqual([]);
    expect(count(h, "SELECT COUNT(*) AS n FROM outbox WHERE key = 'later:sam'")).toBe(0);
    // The anonymous counts are kept.
    if (has(h, "checkin_answers")) {
      expect(count(h, "SELECT COUNT(*) AS n FROM checkin_answers")).toBe(answers);
      expect(count(h, "SELECT COUNT(*) AS n FROM checkin_answers WHERE listened = 'partly'")).toBe(listened);
    }
    expect(count(h, "SELECT COUNT(*) AS n FROM attendance")).toBe(attendance);
    // Everyone else is untouched, and the bot still works for them.
    expect((await h.say("kim", "/workstream")).text).toContain("Kim");
    // Forgetting someone unknown changes nothing and says so.
    const nobody = await runScript("forget", ["test", "nobody"], database.path);
    expect(nobody.out).toMatch(/nothing was changed/);
  });
});
