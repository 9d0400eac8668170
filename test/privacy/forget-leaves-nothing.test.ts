import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";
import { ROOT } from "../helpers/run-program.ts";
import { button, click, submit } from "../papers/papers-helpers.ts";

/**
 * PRODUCT.md §15: `npm run forget` removes a person's words from everywhere they were copied —
 * messages queued or sent to others, parked items made from their dissent — and from the
 * database file's free space and write-ahead log, so not even someone holding the file can
 * read them.
 */
const NAME = "Zephyrine";
const WORDS = {
  dissent: "Quokka-lantern rota leaves the night wards unsafe",
  recordedByChair: "Marmalade-tide staffing worry",
  edited: "Periwinkle-forge staffing is dangerous at night",
  support: "Xylophone-harbour taxi to the clinic please",
  question: "Gossamer-quartz what does page nine mean",
  format: "Juniper-velvet post them to my flat",
  apologies: "Nebula-thistle hospital appointment that day",
  comment: "Obsidian-meadow felt rushed at the end",
  lateSupport: "Tamarind-cobalt help with the stairs",
};

function runForget(args: string[], databasePath: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("scripts", "forget.ts"), ...args], {
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

/** Every string (and a distinctive piece of it) found in the raw bytes of the file and its WAL. */
function readableIn(path: string, strings: string[]): string[] {
  const files = [path, `${path}-wal`].filter(existsSync);
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = bytes.toString("utf8");
    for (const s of strings) {
      for (const needle of new Set([s, s.slice(0, 12)])) {
        if (text.includes(needle) || bytes.includes(Buffer.from(needle, "utf8")))
          found.push(`${file.endsWith("-wal") ? "WAL" : "file"}: ${needle}`);
      }
    }
  }
  return found;
}

describe("forgetting someone leaves nothing of theirs to read", () => {
  const database = tempDatabase();
  afterEach(() => database.cleanup());

  it("removes their words from every message, parked item, free page and the WAL, and says what it removed", async () => {
    const h = createHarness({ dbPath: database, start: "2026-12-01T10:00:00Z" });
    // The bot zeroes what it deletes; a database written before it did still has old words
    // lying in its free space, and forget must clear those too.
    expect(h.db.pragma("secure_delete", { simple: true })).toBe(1);
    h.db.pragma("secure_delete = OFF");
    await seedGroup(h);
    await h.say("cora", `/workstream add <@zephyrine|${NAME}> as carer`);
    await h.say("chris", "/meeting schedule 2026-12-03 14:00 for 1h Medication review");
    await h.say("chris", "/papers add https://example.org/agenda.pdf Agenda");
    await h.say("chris", "/papers send");
    await h.bot.deliver();
    // A question for the chair, and another format, from the papers message.
    submit(h, "zephyrine", click(h, "zephyrine", button(h, "zephyrine", "Question for the chair")), {
      question: WORDS.question,
    });
    submit(h, "zephyrine", click(h, "zephyrine", button(h, "zephyrine", "Another format, please")), {
      format: "large-print",
      details: WORDS.format,
    });
    // Apologies with a note for the chairs, from the day-before reminder.
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    submit(h, "zephyrine", click(h, "zephyrine", button(h, "zephyrine", "I can't make it")), {
      note: WORDS.apologies,
    });
    // Their own dissent, parked by the chair; a view the chair recorded for them, which they edit.
    await h.say("zephyrine", `/dissent ${WORDS.dissent}`);
    await h.say("chris", `/dissent <@zephyrine|${NAME}> ${WORDS.recordedByChair}`);
    await h.bot.deliver();
    submit(h, "zephyrine", click(h, "zephyrine", button(h, "zephyrine", "Edit the wording")), {
      view: WORDS.edited,
    });
    expect((await h.say("chris", "/park D-1")).text).toContain(WORDS.dissent);
    await h.say("zephyrine", `/support practical ${WORDS.support}`);
    // The check-in after the meeting, with a comment for the chair; it closes and the chair gets it.
    h.clock.set("2026-12-03T15:30:00Z");
    await h.bot.tick();
    const drive = checkInDriver(h);
    drive.look();
    drive.answer("zephyrine", [
      "Yes",
      "Fully",
      "Yes",
      { press: "Write something", fields: { comment: WORDS.comment } },
      "No",
      "No",
      "Share my name",
    ]);
    h.clock.set("2026-12-07T12:00:00Z");
    await h.bot.tick();
    // Late at night: the coordinators' copy of this request waits in the outbox until morning.
    h.clock.set("2026-12-07T23:30:00Z");
    await h.say("zephyrine", `/support practical ${WORDS.lateSupport}`);
    await h.bot.deliver();
    const everything = [NAME, ...Object.values(WORDS)];
    // Every string was really sent to someone (or is waiting to be), so the test means something.
    const sent = h.gateway.sent.map((s) => s.text).join("\n");
    for (const words of Object.values(WORDS).filter((w) => w !== WORDS.lateSupport))
      expect(sent, words).toContain(words);
    const sentBefore = h.gateway.sent.length;

    // The bot keeps writing while forget runs, as a live one would.
    let writes = 0;
    const writer = setInterval(() => {
      h.store.people.upsert({
        key: `test:busy${writes}`,
        name: `Busy ${writes}`,
        dm: `test:busy${writes}`,
      });
      writes++;
    }, 2);
    const result = await runForget(["test", "zephyrine"], database.path);
    clearInterval(writer);
    expect(writes).toBeGreaterThan(0);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Forgot test zephyrine/);
    // Counts by kind, never the words themselves.
    expect(result.out).toMatch(/messages to others carrying their words \(dropped, never sent\): 1/);
    expect(result.out).toMatch(/parked item titles from their dissent: 1/);
    expect(result.out).toMatch(/write-ahead log were cleared/);
    for (const s of everything) expect(result.out).not.toContain(s);

    // Nothing of theirs can be read in the file or its write-ahead log, even in free pages.
    expect(readableIn(database.path, everything)).toEqual([]);
    // What was waiting for the coordinators is never sent; the parking lot no longer quotes them.
    h.clock.set("2026-12-08T10:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.slice(sentBefore).map((s) => s.text)).toEqual([]);
    const parked = (await h.say("kim", "/parked")).text;
    expect(parked).toContain("P-1");
    expect(parked).not.toContain(WORDS.dissent);
    // The bot still works for everyone else.
    expect((await h.say("kim", "/workstream")).text).toContain("Medication safety");
  });
});
