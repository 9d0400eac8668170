import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { type Db, openDatabase } from "../../adapters/sqlite/open.ts";
import { COMMANDS } from "../../src/commands/catalog.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { createHarness, type Harness } from "../helpers/harness.ts";

/**
 * PRODUCT.md §3, written out by hand (NOT read from the catalog's `who`): the point is to catch
 * a catalog that disagrees with the spec. Columns: chair, coordinator, member (Sam), a person
 * in no workstream (Nora), and the coordinator of another workstream (Otto). Y = allowed.
 */
const ROLES = ["chair", "coordinator", "member", "non-member", "other workstream"] as const;
type Role = (typeof ROLES)[number];
const WHO: Record<Role, string> = {
  chair: "chris",
  coordinator: "cora",
  member: "sam",
  "non-member": "nora",
  "other workstream": "otto",
};

const SPEC: Array<[command: string, allowed: string, note?: string]> = [
  ["/workstream setup Brand new group", "YYYYY", "anyone, in a channel that is not a workstream yet"],
  ["/workstream", "YYYNN"],
  ["/workstream add <@newbie|Newbie>", "YYNNN"],
  ["/workstream sync", "YYNNN"],
  ["/workstream remove <@lee|Lee>", "YYNNN"],
  ["/workstream role <@lee|Lee> coordinator", "YYNNN"],
  ["/workstream group <@sam|Sam> carer", "YYYNN", "chair, coordinator, or the person themselves"],
  ["/workstream group <@kim|Kim> carer", "YYNNN", "…but not a member changing someone else"],
  ["/workstream set papers-lead-days 10", "YYNNN"],
  ["/meeting schedule 2026-12-15 14:00 Planning", "YYNNN"],
  ["/meeting list", "YYYNN"],
  ["/meeting cancel M-2", "YYNNN"],
  ["/meeting end M-1", "YNNNN"],
  ["/meeting place M-2 Room 4, County Hall", "YYNNN"],
  ["/meeting move M-2 2026-12-09 14:00", "YYNNN"],
  ["/meeting rename M-2 Planning day", "YYNNN"],
  ["/meeting repeat M-2 every 2 weeks 3 times", "YYNNN"],
  ["/papers add M-2 https://example.org/budget.pdf Budget", "YYNNN"],
  ["/papers M-2", "YYYNN"],
  ["/papers send M-2", "YYNNN"],
  ["/papers remove PA-1", "YYNNN"],
  ["/agenda M-2", "YYYNN"],
  ["/agenda add M-2 Transport to meetings", "YNNNN"],
  ["/agenda drop A-1", "YNNNN"],
  ["/agenda suggest M-2 Transport to meetings", "YYYNN"],
  ["/checkin start M-1", "YNNNN"],
  ["/checkin status M-1", "YNNNN"],
  ["/checkin summary M-1", "YNNNN"],
  ["/dissent <@kim|Kim> The rota is not safe at night", "YNNNN", "on someone's behalf: chair"],
  ["/dissent I don't agree with the new rota", "YYYNN"],
  ["/dissent list", "YYYNN"],
  ["/dissent withdraw D-1", "NNYNN", "the person it belongs to (D-1 is Sam's)"],
  ["/dissent withdraw D-2", "NNNNN", "D-2 is Kim's: not Sam's to withdraw"],
  ["/park Transport costs for carers", "YYNNN"],
  ["/parked", "YYYNN"],
  ["/parked resolve P-1 Agreed to trial it", "YYNNN"],
  ["/parked drop P-1 No longer needed", "YYNNN"],
  ["/parked revisit P-1 2027-02-09", "YYNNN"],
  ["/onetoone <@sam|Sam> on 2026-11-30", "YNNNN"],
  // §3 gives the list to the chair; §6 lets the person see their own dates and coordinators the
  // overdue counts, so every member may run it and sees only that (checked below, under §6).
  ["/onetoone", "YYYNN", "the list: chairs all, members their own, coordinators overdue counts"],
  ["/onetoone request", "YYYNN"],
  ["/support I need the papers in large print", "YYYNN"],
  ["/support list", "YYYNN", "members (their own, §6) · coordinator (all)"],
  ["/support done S-1", "NYNNN"],
  ["/glossary ICB", "YYYNN"],
  ["/glossary add ICB = Integrated Care Board", "YYNNN"],
  ["/glossary remove ICB", "YYNNN"],
  ["/digest now", "NYNNN"],
  ["/quiet until 2026-12-20", "YYYYY"],
  ["/quiet off", "YYYYY"],
  ["/review start", "YNNNN"],
  ["/review summary", "YYNNN"],
  ["/workstream set review-every-weeks 8", "YYNNN"],
  ["/mine", "YYYYY", "anyone: each sees only their own things"],
  ["/help", "YYYYY"],
  ["/decision We will meet on Thursdays dissent D-1", "YYNNN"],
  ["/decision list", "YYYNN"],
  ["/decision bring DC-1 M-2", "YNNNN"],
  ["/outcomes", "YYYNN"],
  ["/workstream close", "NYNNN", "coordinator; it only asks to confirm (buttons)"],
  ["/groundrules", "YYYNN"],
  ["/groundrules ask", "YNNNN"],
  ["/groundrules summary", "YNNNN"],
  ["/groundrules set 2 Everyone speaks once before anyone speaks twice", "YNNNN"],
  // PRODUCT.md §14. Programme commands are tried in the board's channel (B0), set up by Pam, a
  // programme lead who holds no role in either workstream; Cora added Medication safety to it.
  ["/programme setup New board", "YYYYY", "anyone, in a channel that is not a workstream"],
  ["/programme add Other group", "NNNNY", "any coordinator of it (Otto); Cora leads nothing here"],
  ["/programme add Medication safety", "NYNNN", "its coordinator (Cora); the chair only as a programme lead"],
  ["/programme lead <@sam|Sam>", "NNNNN", "programme leads only (Pam)"],
  ["/programme set digest tue 10:00", "NNNNN", "programme leads only (Pam)"],
  ["/programme", "NNNNN", "programme leads only (Pam): no workstream role is enough"],
];

/** Refusals that mean "not you": the router's and the use cases' own (not yours, chair only…). */
const REFUSED = /^(permission\.denied|member\.not-member)$|not-yours|not-chair|not-allowed|only/;

const A = "test:#group";
const B = "test:#other";
const BOARD = "test:#board";

let dir: string;
let basePath: string;

function harnessOn(path: string): Harness & { cleanup(): void } {
  const opened: Db[] = [];
  return createHarness({
    dbPath: {
      path,
      open() {
        const db = openDatabase(path);
        migrate(db);
        opened.push(db);
        return db;
      },
      cleanup() {
        for (const db of opened) if (db.open) db.close();
      },
    },
  });
}

async function run(h: Harness, who: string, text: string, channel = A) {
  const reply = await h.bot.command({ platform: "test", actor: h.person(who), channel, text });
  return { text: renderPlainText(reply.message), error: reply.error };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cp-perm-"));
  basePath = join(dir, "base.db");
  const h = harnessOn(basePath);
  const must = async (who: string, text: string, channel = A) => {
    const r = await run(h, who, text, channel);
    if (r.error) throw new Error(`seeding "${text}" was refused: ${r.error} ${r.text}`);
  };
  await must("cora", "/workstream setup Medication safety");
  await must("cora", "/workstream add <@chris|Chris> <@sam|Sam> as service-user");
  await must("cora", "/workstream add <@kim|Kim> <@lee|Lee> as carer");
  await must("cora", "/workstream role <@chris|Chris> chair");
  await must("otto", "/workstream setup Other group", B);
  await must("otto", "/workstream add <@olly|Olly> as carer", B);
  const { store } = h;
  const ws = store.workstreams.byChannel(A);
  if (!ws) throw new Error("no workstream");
  const now = h.clock.now();
  // M-1 started half an hour ago (so it can be ended); M-2 is next week.
  store.meetings.create({
    workstreamId: ws.id,
    title: "In progress",
    startsAt: new Date(now.getTime() - 1_800_000),
    endsAt: new Date(now.getTime() + 5_400_000),
    now,
  });
  await must("cora", "/meeting schedule 2026-12-08 14:00 Next week");
  await must("sam", "/dissent The rota is unsafe for night staff");
  await must("kim", "/dissent Carers were not asked");
  await must("chris", "/park Parking at the hospital");
  await must("chris", "/agenda add M-2 Seeded item");
  await must("sam", "/support Sam's private need: a taxi to the meeting");
  await must("cora", "/glossary add ICB = Integrated Care Board");
  await must("cora", "/papers add M-2 https://example.org/agenda.pdf Agenda");
  await must("otto", "/dissent Other group's private view", B);
  await must("chris", "/decision Seeded decision made outside outside");
  await must("pam", "/programme setup Board", BOARD);
  await must("cora", "/programme add Medication safety", BOARD);
  await h.bot.deliver();
  h.db.pragma("wal_checkpoint(TRUNCATE)");
  h.cleanup();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of the seeded database for each case: no case sees another's changes. */
let copies = 0;
function fresh() {
  const path = join(dir, `case-${copies++}.db`);
  copyFileSync(basePath, path);
  return harnessOn(path);
}

describe("who may run which command (PRODUCT.md §3)", () => {
  it("covers every command in the catalog", () => {
    const specKeys = new Set(
      SPEC.map(([command]) => {
        const [verb = "", sub = ""] = command.slice(1).split(/\s+/);
        return COMMANDS.some((c) => c.verb === verb && c.sub === sub.toLowerCase())
          ? `${verb} ${sub}`
          : `${verb} `;
      }),
    );
    const missing = COMMANDS.map((c) => `${c.verb} ${c.sub}`).filter((k) => !specKeys.has(k));
    expect(missing, "commands with no row in this test's §3 table").toEqual([]);
  });

  for (const [command, allowed, note] of SPEC) {
    it(`${command}${note ? ` (${note})` : ""}: ${ROLES.filter((_, i) => allowed[i] === "Y").join(", ") || "no one"}`, async () => {
      const verdicts: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [i, role] of ROLES.entries()) {
        const h = fresh();
        // Setup is tried in a channel that is not a workstream yet; everything else in A's channel.
        const channel = /^\/(workstream|programme) setup/.test(command)
          ? `test:#new-${i}`
          : command.startsWith("/programme")
            ? BOARD
            : A;
        const r = await run(h, WHO[role], command, channel);
        h.cleanup();
        expect(r.text.trim().length, `${role} got an empty answer`).toBeGreaterThan(0);
        verdicts[role] =
          r.error && REFUSED.test(r.error) ? "refused" : `allowed${r.error ? ` (${r.error})` : ""}`;
        expected[role] = allowed[i] === "Y" ? "allowed" : "refused";
        if (expected[role] === "allowed" && verdicts[role]?.startsWith("allowed")) verdicts[role] = "allowed";
      }
      expect(verdicts).toEqual(expected);
    });
  }
});

describe("who sees what (PRODUCT.md §6)", () => {
  it("support requests: the person and coordinators see them; chairs and other members never", async () => {
    const h = fresh();
    const secret = "taxi to the meeting";
    expect((await run(h, "sam", "/support list")).text).toContain(secret);
    expect((await run(h, "cora", "/support list")).text).toContain(secret);
    expect((await run(h, "chris", "/support list")).text).not.toContain(secret);
    expect((await run(h, "kim", "/support list")).text).not.toContain(secret);
    h.cleanup();
  });

  it("/mine shows each person only their own things: Sam's support request to Sam alone", async () => {
    const h = fresh();
    const secret = "taxi to the meeting";
    expect((await run(h, "sam", "/mine")).text).toContain(secret);
    for (const who of ["chris", "cora", "kim", "nora", "otto"])
      expect((await run(h, who, "/mine")).text).not.toContain(secret);
    expect((await run(h, "otto", "/mine", B)).text).not.toContain("Medication safety");
    h.cleanup();
  });

  it("one-to-one dates: the chair sees them, a member only their own, a coordinator only counts", async () => {
    const h = fresh();
    expect((await run(h, "chris", "/onetoone <@kim|Kim> on 2026-11-30")).error).toBeUndefined();
    expect((await run(h, "chris", "/onetoone")).text).toContain("Kim");
    expect((await run(h, "sam", "/onetoone")).text).not.toContain("Kim");
    expect((await run(h, "cora", "/onetoone")).text).not.toContain("Kim");
    h.cleanup();
  });

  it("the dissent register and parking lot are visible to every member, and to no one outside", async () => {
    const h = fresh();
    for (const who of ["chris", "cora", "sam", "kim"]) {
      expect((await run(h, who, "/dissent list")).text).toContain("night staff");
      expect((await run(h, who, "/parked")).text).toContain("Parking at the hospital");
    }
    for (const who of ["nora", "otto"]) {
      expect((await run(h, who, "/dissent list")).text).not.toContain("night staff");
      expect((await run(h, who, "/parked")).text).not.toContain("Parking at the hospital");
    }
    h.cleanup();
  });

  it("nothing crosses workstreams: the other group's coordinator sees only their own, in their channel and in a DM", async () => {
    const h = fresh();
    const here = await run(h, "otto", "/dissent list", B);
    expect(here.text).toContain("Other group's private view");
    expect(here.text).not.toContain("night staff");
    for (const text of ["/dissent list", "/parked", "/meeting list", "/glossary ICB", "/support list"]) {
      const dm = await h.bot.command({
        platform: "test",
        actor: h.person("otto"),
        text: `${text} in Medication safety`,
      });
      const shown = renderPlainText(dm.message);
      expect(shown).not.toContain("night staff");
      expect(shown).not.toContain("Parking at the hospital");
      expect(shown).not.toContain("Integrated Care Board");
      expect(shown).not.toContain("taxi");
    }
    // …and A's members do not see B's register from A's channel.
    expect((await run(h, "sam", "/dissent list")).text).not.toContain("Other group's private view");
    h.cleanup();
  });
});
