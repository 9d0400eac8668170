import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";

/**
 * PRODUCT.md §15: an anonymous answer is stored with no link to the person who gave it, so not
 * even someone holding the database file can tie the two together. These read the file.
 */

let h: ReturnType<typeof createHarness>;
let database: ReturnType<typeof tempDatabase>;
afterEach(() => h?.cleanup());

const WORDS = "my husband's care plan was ignored again";

async function checkInWith(members: string[]) {
  database = tempDatabase();
  h = createHarness({ start: "2026-12-01T10:00:00Z", dbPath: database });
  await seedGroup(h);
  if (members.length > 0)
    await h.say("cora", `/workstream add ${members.map((m) => `<@${m}|${m}>`).join(" ")}`);
  await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Medication review");
  h.clock.set("2026-12-01T12:30:00Z");
  await h.bot.tick();
  const drive = checkInDriver(h);
  drive.look();
  return drive;
}

const anonymously = (comment: string) => [
  "Yes",
  "Partly",
  "No",
  { press: "Write something", fields: { comment } },
  "Yes",
  "No",
  "Answer anonymously",
];

describe("an anonymous answer in the database file", () => {
  it("keeps who answered apart from what was answered, with nothing to join them", async () => {
    const drive = await checkInWith([]);
    drive.answer("kim", ["Yes", "Fully", "Yes", "Nothing to add", "No", "No", "Share my name"]);
    drive.answer("sam", anonymously(WORDS));
    const sam = h.db.prepare("SELECT id FROM people WHERE key = 'test:sam'").get() as { id: number };
    // Sam's row says only that Sam answered.
    expect(
      h.db
        .prepare(
          "SELECT attended, spoke, listened, comment, one_to_one, wants_support, anonymous FROM checkin_answers WHERE person_id = ?",
        )
        .get(sam.id),
    ).toEqual({
      attended: null,
      spoke: null,
      listened: null,
      comment: null,
      one_to_one: null,
      wants_support: null,
      anonymous: 1,
    });
    // The answer itself: a check-in, a group and the answers — no person, no time. Only
    // whether a coordinator gave it, so coordinators' own are left out of what they read.
    const columns = (
      h.db.prepare("SELECT name FROM pragma_table_info('checkin_anonymous_answers')").all() as Array<{
        name: string;
      }>
    ).map((c) => c.name);
    expect(columns.sort()).toEqual([
      "attended",
      "checkin_id",
      "comment",
      "from_coordinator",
      "grp",
      "id",
      "listened",
      "one_to_one",
      "spoke",
    ]);
    expect(h.db.prepare("SELECT spoke, listened, comment FROM checkin_anonymous_answers").all()).toEqual([
      { spoke: "partly", listened: "no", comment: WORDS },
    ]);
  });

  it("gives anonymous answers ids that say nothing of the order they came in", async () => {
    const people = ["ann", "bob", "dee", "eve", "fay", "gus", "hal", "ivy"];
    const drive = await checkInWith(people);
    for (const who of people) drive.answer(who, anonymously(`note from ${who}`));
    const rows = h.db.prepare("SELECT id, comment FROM checkin_anonymous_answers").all() as Array<{
      id: number;
      comment: string;
    }>;
    expect(rows).toHaveLength(8);
    const byId = [...rows].sort((a, b) => a.id - b.id).map((r) => r.comment);
    // In the order they came, the ids would be 1, 2, 3…; drawn at random they are not (the
    // chance of 8 random ids landing in answer order is 1 in 40,320).
    expect(byId).not.toEqual(people.map((p) => `note from ${p}`));
    expect(rows.every((r) => r.id > 1000)).toBe(true);
  });

  it("leaves no second copy of the words in the file or its journal", async () => {
    const drive = await checkInWith([]);
    drive.answer("sam", anonymously(WORDS));
    const bytes = (path: string) => (existsSync(path) ? readFileSync(path).toString("latin1") : "");
    const all = bytes(database.path) + bytes(`${database.path}-wal`);
    // Once, in the anonymous row: the person's row it passed through holds no copy, not even
    // in its free space, and the journal no longer holds the page as it was before.
    expect(all.split(WORDS).length - 1).toBe(1);
    expect(bytes(`${database.path}-wal`)).not.toContain(WORDS);
  });
});

describe("upgrading a database that holds anonymous answers the old way", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("moves them apart from their people", () => {
    dir = mkdtempSync(join(tmpdir(), "cp-migrate-"));
    const old = join(dir, "old-migrations");
    mkdirSync(old);
    for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f < "010"))
      copyFileSync(join(MIGRATIONS_DIR, f), join(old, f));
    const db = openDatabase(join(dir, "test.db"));
    migrate(db, old);
    db.exec(`
      INSERT INTO people (id, key, name, dm) VALUES (1, 'test:sam', 'Sam', 'test:sam'), (2, 'test:kim', 'Kim', 'test:kim');
    `);
    const ws = db
      .prepare(
        "INSERT INTO workstreams (name, channel, settings, created_at) VALUES ('W', 'test:#w', '{}', 0) RETURNING id",
      )
      .get() as { id: number };
    const meeting = db
      .prepare(
        `INSERT INTO meetings (workstream_id, seq, title, starts_at, ends_at, status, created_at)
         VALUES (?, 1, 'M', 0, 1, 'ended', 0) RETURNING id`,
      )
      .get(ws.id) as { id: number };
    const checkIn = db
      .prepare(
        "INSERT INTO checkins (meeting_id, workstream_id, opened_at, remind_at, closes_at) VALUES (?, ?, 1, 2, 3) RETURNING id",
      )
      .get(meeting.id, ws.id) as { id: number };
    const answer = db.prepare(
      `INSERT INTO checkin_answers (checkin_id, person_id, grp, step, attended, spoke, listened, comment, one_to_one, anonymous, invited_at, updated_at, completed_at)
       VALUES (?, ?, 'carer', 8, 'yes', 'partly', 'no', ?, 'no', ?, 1, 2, 2)`,
    );
    answer.run(checkIn.id, 1, WORDS, 1);
    answer.run(checkIn.id, 2, "named note", 0);
    migrate(db);
    expect(db.prepare("SELECT comment, listened FROM checkin_answers ORDER BY person_id").all()).toEqual([
      { comment: null, listened: null },
      { comment: "named note", listened: "no" },
    ]);
    expect(db.prepare("SELECT grp, comment FROM checkin_anonymous_answers").all()).toEqual([
      { grp: "carer", comment: WORDS },
    ]);
    db.close();
  });
});
