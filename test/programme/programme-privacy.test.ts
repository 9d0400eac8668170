import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { FOLDED } from "../../src/domain/anonymity.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { Core } from "../../src/ports/core.ts";
import { programmeFigures } from "../../src/use-cases/programme-figures.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { seedClosedCheckIn } from "../helpers/programme-seed.ts";

// The attacks first (PRODUCT.md §14, §15): a programme lead holds no role in the workstreams,
// so must see only aggregates — no name, no comment, no answer — with every group under 3
// folded, including when the rest of a figure would leave one or two people, and including
// when two figures shown (a workstream's and the programme's) could be subtracted.

const BOARD = "test:#board";
const CARERS = "test:#carers";
const NAMES = ["Sam", "Kim", "Lee", "Chris", "Cora", "Olly", "Cara", "Ann", "Bob", "Dee", "Eve", "Fay"];
const COMMENT = "My husband was ignored at the last meeting";
let h: ReturnType<typeof createHarness>;

async function sayIn(channel: string | undefined, who: string, text: string) {
  const reply = await h.bot.command({
    platform: "test",
    actor: h.person(who),
    ...(channel ? { channel } : {}),
    text,
  });
  return { text: renderPlainText(reply.message).replace(/[*`]/g, ""), error: reply.error };
}

/** The whole programme's figures for November, straight from the use case. */
function november() {
  const core = { store: h.store } as unknown as Core;
  const workstreams = h.store.programmes.workstreams(h.store.programmes.byChannel(BOARD)?.id ?? 0);
  const f = programmeFigures(core, "Board", workstreams, {
    now: h.clock.now(),
    zone: "Europe/London",
    months: 2,
  });
  return { whole: f.months.find((m) => m.key === "2026-11"), figures: f };
}

beforeEach(async () => {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await sayIn(CARERS, "otto", "/workstream setup Carers voice");
  await sayIn(CARERS, "otto", "/workstream add <@olly|Olly> <@cara|Cara> as carer");
  await sayIn(BOARD, "pam", "/programme setup Board");
  await sayIn(BOARD, "cora", "/programme add Medication safety");
  await sayIn(BOARD, "otto", "/programme add Carers voice");
});
afterEach(() => h.cleanup());

describe("what a programme lead sees (PRODUCT.md §14, §15)", () => {
  it("never a name, a comment or an answer, in the view or the digest", async () => {
    seedClosedCheckIn(h, "Medication safety", "2026-11-10T14:00:00Z", [
      { who: "sam", group: "service-user", listened: "no", comment: COMMENT },
      { who: "kim", group: "service-user", listened: "yes", comment: "Kim's own words" },
      { who: "lee", group: "service-user", listened: "yes", anonymous: true, comment: "Lee's words" },
      { who: "ann", group: "carer", listened: "no", anonymous: true },
    ]);
    const view = (await sayIn(BOARD, "pam", "/programme")).text;
    h.clock.set("2026-12-07T09:00:30Z"); // Monday 9am London: the programme digest
    await h.bot.tick();
    const digest = h.gateway.to("test:pam").map((s) => s.text.replace(/[*`]/g, ""));
    expect(digest).toHaveLength(1);
    for (const text of [view, digest[0] ?? ""]) {
      expect(text).toContain("Medication safety");
      for (const name of NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
      expect(text).not.toContain("ignored");
      expect(text).not.toContain("words");
    }
  });

  it("folds a group under 3, and the group that would let the rest be worked out", async () => {
    // 3 service users, 3 officials and 1 carer: "the rest" would be the one carer, so the
    // smallest group that makes it safe (service users) is folded in with them.
    seedClosedCheckIn(h, "Medication safety", "2026-11-10T14:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes" },
      { who: "kim", group: "service-user", listened: "yes" },
      { who: "lee", group: "service-user", listened: "yes" },
      { who: "dee", group: "official", listened: "no" },
      { who: "eve", group: "official", listened: "no" },
      { who: "fay", group: "official", listened: "yes" },
      { who: "ann", group: "carer", listened: "no" },
    ]);
    const view = (await sayIn(BOARD, "pam", "/programme")).text;
    const listened = view.slice(view.indexOf("Felt listened to, by group"), view.indexOf("Able to say"));
    expect(listened).toContain("Officials:");
    expect(listened).toContain("Other groups:");
    expect(listened).not.toContain("Carers:");
    expect(listened).not.toContain("Service users:");
    const { whole } = november();
    expect(whole?.listened.groups.get("official")).toEqual({ yes: 1, all: 3 });
    expect(whole?.listened.groups.get(FOLDED)).toEqual({ yes: 3, all: 4 });
    expect(whole?.listened.groups.has("carer")).toBe(false);
  });

  it("holds back a meeting with fewer than 3 answers from every total", async () => {
    seedClosedCheckIn(h, "Carers voice", "2026-11-12T14:00:00Z", [
      { who: "olly", group: "carer", listened: "no", anonymous: true },
      { who: "cara", group: "carer", listened: "yes" },
    ]);
    const view = (await sayIn(BOARD, "pam", "/programme")).text;
    expect(view).toContain("Carers voice: 1 meeting held");
    expect(view).toContain("felt listened to: too few answers");
    expect(view).toContain(
      "Whole programme: 1 meeting held, 0 planned; papers on time: none sent; check-ins answered: 100% (2 of 2); felt listened to: too few answers",
    );
  });

  it("cannot be subtracted: the programme's group figures add up only what each meeting may show", async () => {
    // Medication safety's 2 carers are too few to show there; Carers voice's 3 can be shown.
    // Were the programme's carers 5, then 5 minus Carers voice's 3 would be those 2 people.
    seedClosedCheckIn(h, "Medication safety", "2026-11-10T14:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes" },
      { who: "kim", group: "service-user", listened: "yes" },
      { who: "lee", group: "service-user", listened: "yes" },
      { who: "dee", group: "official", listened: "yes" },
      { who: "eve", group: "official", listened: "yes" },
      { who: "fay", group: "official", listened: "yes" },
      { who: "ann", group: "carer", listened: "no" },
      { who: "bob", group: "carer", listened: "no" },
    ]);
    seedClosedCheckIn(h, "Carers voice", "2026-11-12T14:00:00Z", [
      { who: "olly", group: "carer", listened: "yes" },
      { who: "cara", group: "carer", listened: "yes" },
      { who: "cat", group: "carer", listened: "yes" },
    ]);
    const { whole, figures } = november();
    expect(whole?.listened.groups.get("carer")).toEqual({ yes: 3, all: 3 });
    const med = figures.workstreams.find((w) => w.name === "Medication safety");
    expect(med?.listened.groups.has("carer")).toBe(false);
    // Every group shown adds up to the total shown: nothing is left to work out.
    for (const scope of [whole, med]) {
      const sum = [...(scope?.listened.groups.values() ?? [])].reduce((n, s) => n + s.all, 0);
      expect(sum).toBe(scope?.listened.all.all);
    }
  });
});

describe("the programme digest", () => {
  it("goes to each lead once, on the programme's own schedule, and never to anyone else", async () => {
    await sayIn(BOARD, "pam", "/programme lead <@chris|Chris>");
    expect((await sayIn(BOARD, "pam", "/programme set digest tue 09:00")).error).toBeUndefined();
    h.gateway.clear();
    h.clock.set("2026-12-07T09:00:30Z"); // Monday: not the programme's day now
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("programme digest"))).toHaveLength(0);
    h.clock.set("2026-12-08T09:00:30Z");
    await h.bot.tick();
    h.clock.set("2026-12-08T09:05:00Z");
    await h.bot.tick();
    const digests = h.gateway.sent.filter((s) => s.text.includes("programme digest"));
    expect(digests.map((d) => d.address).sort()).toEqual(["test:chris", "test:pam"]);
    expect(digests[0]?.text).toContain("Carers voice");
  });

  it("waits for the morning when the programme's digest falls in its quiet hours", async () => {
    expect((await sayIn(BOARD, "pam", "/programme set digest mon 21:00")).error).toBeUndefined();
    h.clock.set("2026-12-07T21:00:30Z");
    await h.bot.tick();
    expect(h.gateway.to("test:pam").filter((s) => s.text.includes("programme digest"))).toHaveLength(0);
    h.clock.set("2026-12-08T08:00:30Z");
    await h.bot.tick();
    expect(h.gateway.to("test:pam").filter((s) => s.text.includes("programme digest"))).toHaveLength(1);
  });

  it("refuses a setting a programme does not have, and a value out of range, with an example", async () => {
    const unknown = await sayIn(BOARD, "pam", "/programme set papers-lead-days 3");
    expect(unknown.error).toBe("programme.setting");
    expect(unknown.text).toContain("/programme set digest mon 09:00");
    const bad = await sayIn(BOARD, "pam", "/programme set digest someday");
    expect(bad.error).toBe("setting.invalid");
    expect(bad.text).toContain("/programme set digest");
  });
});

describe("forgetting a programme lead", () => {
  it("removes them as a lead, so no programme digest is addressed to them again", () => {
    const programme = h.store.programmes.byChannel(BOARD);
    const pam = h.store.people.byKey("test:pam");
    expect(programme && pam && h.store.programmes.isLead(programme.id, pam.id)).toBe(true);
    const report = forgetPerson(h.db, "test:pam");
    expect(report.removed["programme leads"]).toBe(1);
    expect(h.store.programmes.leads(programme?.id ?? 0)).toEqual([]);
  });
});

describe("a programme digest missed while the bot was down", () => {
  it("is logged with ids only, and last week's is not sent late", async () => {
    await h.bot.tick(); // Tuesday 1 December, 10am: the last tick before the outage
    h.clock.set("2026-12-08T09:00:00Z"); // back on Tuesday: Monday 9am passed a day ago
    await h.bot.tick();
    expect(h.gateway.to("test:pam").filter((s) => s.text.includes("programme digest"))).toHaveLength(0);
    const missed = h.logs.filter((l) => l.fields.kind === "programme-digest");
    expect(missed.map((l) => l.fields.slot)).toEqual(["2026-12-07T09:00"]);
    expect(JSON.stringify(missed)).not.toMatch(/Pam|Board/);
  });
});
