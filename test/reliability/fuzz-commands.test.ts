import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/catalog.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

const A = "test:#group";
const B = "test:#other";

const verbs = [...new Set(COMMANDS.map((c) => c.verb)), "help", "commonpurpose", "nonsense", ""];
const subs = [...new Set(COMMANDS.map((c) => c.sub).filter(Boolean)), "help"];
const mention = fc.oneof(
  fc.constantFrom(
    "<@sam|Sam>",
    "<@kim>",
    "@lee",
    "<at>Chris</at>",
    "<@otto|Otto>",
    "<@nobody|Nobody>",
    "<@>",
    "<@|>",
    "<@sam|",
  ),
  fc.string({ maxLength: 12 }).map((s) => `<@${s}|${s}>`),
);
const date = fc.oneof(
  fc.constantFrom(
    "2026-12-10 14:00",
    "next tuesday 2pm",
    "in 3 days",
    "yesterday",
    "2026-13-45 99:99",
    "0000-00-00",
    "tomorrow at 25pm",
    "for 90m",
    "for 1h30m",
    "for -2 hours",
    "1970-01-01 00:00",
  ),
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const id = fc.oneof(
  fc.constantFrom(
    "M-1",
    "M-2",
    "M-999",
    "M-0",
    "M--1",
    "PA-1",
    "D-1",
    "D-2",
    "P-1",
    "S-1",
    "S-99",
    "in Other group",
    "in Medication safety",
    "M-1 in Other group",
  ),
  fc
    .tuple(fc.constantFrom("M", "PA", "D", "P", "S"), fc.integer({ min: -5, max: 1e12 }))
    .map(([p, n]) => `${p}-${n}`),
);
const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\n",
      "\r",
      "\t",
      "\u202e",
      "\ufeff",
      "`",
      "*",
      "<",
      ">",
      "|",
      "=",
      "\\",
    ),
    maxLength: 20,
  }),
  fc.constantFrom(
    "x".repeat(5000),
    "🙂".repeat(400),
    "as carer",
    "as astronaut",
    "chair",
    "coordinator",
    "member",
    "papers-lead-days 10",
    "quiet-hours off",
    "digest mon 09:00",
    "revisit 2027-01-12 owner <@sam|Sam>",
    "https://example.org/a.pdf",
    "= meaning",
    "DROP TABLE people;--",
  ),
);
// Clause words followed by junk, in the places each grammar reads a clause (PRODUCT.md §16): a
// clause the bot cannot read is refused, never folded into a title.
const clauseJunk = fc.oneof(
  fc.constantFrom(
    "banana",
    "1.5h",
    "30h",
    "0m",
    "-2 hours",
    "31 feb",
    "2027-02-31",
    "tomorrow-ish",
    "25:00",
    "sam",
    "@zoë",
    "<@>",
    "nowhere",
    "the budget",
    "",
  ),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[a-z0-9:.-]{1,8}$/),
);
const clauseWord = fc.constantFrom("for", "revisit", "owner", "every", "until", "in", "at");
const clauseTitle = fc.constantFrom("Budget", "Transport costs", "Rota");
const text = fc
  .tuple(
    fc.constantFrom("/", "", " /", "/commonpurpose "),
    fc.constantFrom(...verbs),
    fc.option(fc.constantFrom(...subs)),
    fc.array(
      fc.oneof(
        mention,
        date,
        id,
        junk,
        fc.tuple(clauseWord, clauseJunk).map(([w, j]) => `${w} ${j}`),
      ),
      { maxLength: 5 },
    ),
  )
  .map(([slash, verb, sub, args]) => `${slash}${verb}${sub ? ` ${sub}` : ""} ${args.join(" ")}`);
const who = fc.constantFrom("chris", "cora", "sam", "kim", "nora", "otto");
const where = fc.constantFrom(A, B, undefined);

/** Everything in the database, as text (for the few commands where a full comparison is cheap enough). */
function snapshot(h: Harness): string {
  const tables = h.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  return tables
    .filter((t) => t.name !== "people" && t.name !== "inbound_seen")
    .map((t) => `${t.name}:${JSON.stringify(h.db.prepare(`SELECT * FROM "${t.name}"`).all())}`)
    .join("\n");
}

describe("generated command texts through the core router", () => {
  let h: Harness & { cleanup(): void };
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    h = createHarness();
    await seedGroup(h);
    await h.say("otto", "/workstream setup Other group", "channel");
    // The harness's channel is A; Otto's workstream is B.
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: B,
      text: "/workstream setup Other group",
    });
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Next week");
    await h.say("sam", "/dissent The rota is unsafe");
    await h.say("chris", "/park Parking");
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
    h.cleanup();
  });

  it("answers every one with a clear message, never crashes, and a refused one changes nothing", async () => {
    // Temporary triggers log every write to every table except people (the caller's name is
    // refreshed on every command, refused or not) into a temp table: exact, and cheap per command.
    h.db.exec("CREATE TEMP TABLE fuzz_log (tbl TEXT NOT NULL)");
    const watched = (
      h.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as Array<{ name: string }>
    )
      .map((t) => t.name)
      .filter((t) => !["people", "inbound_seen", "schema_migrations"].includes(t));
    for (const table of watched) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        h.db.exec(
          `CREATE TEMP TRIGGER "fuzz_${table}_${op}" AFTER ${op} ON main."${table}" BEGIN INSERT INTO fuzz_log (tbl) VALUES ('${table}'); END`,
        );
      }
    }
    // People are watched by key: only the caller's own row may change (their name is refreshed).
    h.db.exec("CREATE TEMP TABLE fuzz_people (key TEXT NOT NULL)");
    for (const op of ["INSERT", "UPDATE"]) {
      h.db.exec(
        `CREATE TEMP TRIGGER "fuzz_people_${op}" AFTER ${op} ON main.people BEGIN INSERT INTO fuzz_people (key) VALUES (NEW.key); END`,
      );
    }
    const peopleWrites = () =>
      (h.db.prepare("SELECT COUNT(*) AS n FROM fuzz_people").get() as { n: number }).n;
    const peopleWritten = (since: number) =>
      (
        h.db.prepare("SELECT DISTINCT key FROM fuzz_people WHERE rowid > ?").all(since) as Array<{
          key: string;
        }>
      ).map((r) => r.key);
    const writes = () => (h.db.prepare("SELECT COUNT(*) AS n FROM fuzz_log").get() as { n: number }).n;
    const tablesWritten = (since: number) =>
      (
        h.db.prepare("SELECT DISTINCT tbl FROM fuzz_log WHERE rowid > ?").all(since) as Array<{ tbl: string }>
      ).map((r) => r.tbl);
    let refused = 0;
    let snapshots = 0;
    const internal: string[] = [];
    await fc.assert(
      fc.asyncProperty(text, who, where, async (typed, person, channel) => {
        const deep = snapshots < 100;
        const shot = deep ? snapshot(h) : "";
        const start = writes();
        const peopleStart = peopleWrites();
        const reply = await h.bot.command({
          platform: "test",
          actor: h.person(person),
          ...(channel ? { channel } : {}),
          text: typed,
        });
        const shown = renderPlainText(reply.message).trim();
        expect(shown.length).toBeGreaterThan(0);
        if (reply.error === "internal") internal.push(typed);
        if (reply.error) {
          refused++;
          expect(
            tablesWritten(start),
            `"${typed}" was refused (${reply.error}) but changed the database`,
          ).toEqual([]);
          expect(
            peopleWritten(peopleStart).filter((key) => key !== h.person(person).key),
            `"${typed}" was refused (${reply.error}) but wrote someone else into people`,
          ).toEqual([]);
          if (deep) {
            snapshots++;
            expect(snapshot(h)).toBe(shot);
          }
        }
      }),
      { numRuns: 25_000, seed: 20261201 },
    );
    await h.bot.deliver();
    expect(internal, "commands that hit an internal error").toEqual([]);
    expect(unhandled).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
  });
});

/** A command with a clause word and junk where its grammar reads a clause, and the phrase itself. */
const clauseCommand = fc
  .tuple(
    fc.constantFrom(
      "/meeting schedule next tuesday 2pm {c} {t}",
      "/meeting schedule {c} {t}",
      "/meeting schedule next tuesday {c} {t}",
      "/meeting schedule 2026-12-10 14:00 {c} {t}",
      "/park {t} {c}",
      "/park {t} {c} owner <@sam|Sam>",
      "/park {t} owner <@sam|Sam> {c}",
      "/park {t} revisit 2027-01-12 {c}",
      "/park D-1 {c}",
      "/papers add {c} https://example.org/a.pdf {t}",
      "/glossary add {c} = {t}",
    ),
    clauseWord,
    clauseJunk,
    clauseTitle,
  )
  .map(([shape, word, junk, title]) => {
    const phrase = `${word} ${junk}`.trim();
    return { typed: shape.replace("{c}", phrase).replace("{t}", title), phrase, word, junk };
  });

/** Which clause words each shape's position reads as a clause (others may be ordinary words). */
function readsAsClause(typed: string, word: string): boolean {
  if (typed.startsWith("/meeting schedule next tuesday 2pm") || typed.startsWith("/meeting schedule 2026")) {
    return word === "for";
  }
  if (typed.startsWith("/meeting schedule")) return true; // where the date goes: all of it is the date
  // A title may use "revisit" or "owner" itself when the real clause comes after it.
  if (typed.startsWith("/park")) {
    return (word === "revisit" || word === "owner") && !typed.endsWith(`${word} <@sam|Sam>`);
  }
  // A glossary term has no clauses: "for banana = …" defines the words "for banana".
  if (typed.startsWith("/glossary")) return false;
  return true; // papers: where the link goes, so nothing there may become the title
}

describe("clause words followed by junk", () => {
  let h: Harness & { cleanup(): void };
  beforeAll(async () => {
    h = createHarness();
    await seedGroup(h);
    await h.say("sam", "/dissent The rota is unsafe");
    await h.say("cora", "/meeting schedule 2026-12-08 14:00 Next week");
  });
  afterAll(() => h.cleanup());

  const titles = () =>
    (
      h.db
        .prepare(
          "SELECT title AS t FROM meetings UNION ALL SELECT title FROM parked_items UNION ALL SELECT title FROM papers UNION ALL SELECT term FROM glossary_terms",
        )
        .all() as Array<{ t: string }>
    ).map((r) => r.t.toLowerCase());

  it("never stores a title holding a clause word and something it could not read", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(clauseCommand, fc.constantFrom("chris", "cora"), async (command, who) => {
        const before = titles().length;
        const reply = await h.say(who, command.typed);
        expect(reply.error, `"${command.typed}" hit an internal error`).not.toBe("internal");
        expect(reply.text.trim().length).toBeGreaterThan(0);
        if (reply.error) return;
        accepted++;
        if (!command.junk.trim() || !readsAsClause(command.typed, command.word)) return;
        const added = titles().slice(before);
        const phrase = command.phrase.toLowerCase().replace(/\s+/g, " ");
        for (const title of added) {
          expect(
            title,
            `"${command.typed}" was accepted with "${command.phrase}" in its title`,
          ).not.toContain(phrase);
        }
      }),
      { numRuns: 3_000, seed: 20261202 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
