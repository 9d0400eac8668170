import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { seedClosedCheckIn } from "../helpers/programme-seed.ts";

const BOARD = "test:#board";
const CARERS = "test:#carers";
let h: ReturnType<typeof createHarness>;

async function sayIn(channel: string | undefined, who: string, text: string) {
  const reply = await h.bot.command({
    platform: "test",
    actor: h.person(who),
    ...(channel ? { channel } : {}),
    text,
  });
  // Emphasis and code marks off, so the words read as a person reads them.
  return { text: renderPlainText(reply.message).replace(/[*`]/g, ""), error: reply.error };
}

beforeEach(async () => {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h); // Medication safety: Cora coordinator, Chris chair, Sam, Kim, Lee
  await sayIn(CARERS, "otto", "/workstream setup Carers voice");
  await sayIn(CARERS, "otto", "/workstream add <@olly|Olly> <@cara|Cara> as carer");
});
afterEach(() => h.cleanup());

describe("setting up a programme (PRODUCT.md §14)", () => {
  it("makes a channel that is not a workstream the board's, with the caller its lead", async () => {
    const r = await sayIn(BOARD, "paula", "/programme setup Mental health programme");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain("you are a programme lead");
    expect((await sayIn(BOARD, "paula", "/programme")).text).toContain("Mental health programme");
  });

  it("refuses a workstream's channel and a direct message", async () => {
    expect((await sayIn(h.channel, "cora", "/programme setup Board")).error).toBe("programme.in-workstream");
    expect((await sayIn(undefined, "paula", "/programme setup Board")).error).toBe("programme.setup-in-dm");
  });

  it("lets a coordinator add their workstream, and a lead who chairs one, but no one else", async () => {
    await sayIn(BOARD, "paula", "/programme setup Board");
    // Paula leads the programme but holds no role in Medication safety.
    expect((await sayIn(BOARD, "paula", "/programme add Medication safety")).error).toBe(
      "programme.add-not-allowed",
    );
    // Chris chairs it but is not a lead (yet).
    expect((await sayIn(BOARD, "chris", "/programme add Medication safety")).error).toBe(
      "programme.add-not-allowed",
    );
    expect((await sayIn(BOARD, "sam", "/programme add Medication safety")).error).toBe(
      "programme.add-not-allowed",
    );
    await sayIn(BOARD, "paula", "/programme lead <@chris|Chris>");
    const byChair = await sayIn(BOARD, "chris", "/programme add Medication safety");
    expect(byChair.error).toBeUndefined();
    expect(byChair.text).toContain("Medication safety is now part of Board");
    // Any coordinator of a workstream may add it, lead or not.
    expect((await sayIn(BOARD, "otto", "/programme add Carers voice")).error).toBeUndefined();
    expect((await sayIn(BOARD, "paula", "/programme")).text).toContain("Carers voice");
  });

  it("answers a non-lead with a plain refusal, and a lead with the view", async () => {
    await sayIn(BOARD, "paula", "/programme setup Board");
    await sayIn(BOARD, "cora", "/programme add Medication safety");
    const refused = await sayIn(BOARD, "sam", "/programme");
    expect(refused.error).toBe("programme.leads-only");
    expect(refused.text).toBe(
      "Only the programme's leads can do this. A lead can add you with /programme lead @you.",
    );
    // Cora coordinates a workstream in it, but is not a lead either.
    expect((await sayIn(undefined, "cora", "/programme")).error).toBe("programme.leads-only");
    const view = await sayIn(undefined, "paula", "/programme");
    expect(view.error).toBeUndefined();
    expect(view.text).toContain("The whole programme");
    expect(view.text).toContain("Medication safety: ");
  });

  it("counts meetings, papers on time and check-in answers per workstream and for the whole programme", async () => {
    await sayIn(BOARD, "paula", "/programme setup Board");
    await sayIn(BOARD, "cora", "/programme add Medication safety");
    await sayIn(BOARD, "otto", "/programme add Carers voice");
    seedClosedCheckIn(h, "Medication safety", "2026-11-10T14:00:00Z", [
      { who: "sam", group: "service-user", listened: "yes" },
      { who: "kim", group: "service-user", listened: "no" },
      { who: "lee", group: "service-user", listened: "yes" },
      { who: "ann", group: "service-user", silent: true },
    ]);
    seedClosedCheckIn(h, "Carers voice", "2026-11-12T14:00:00Z", [
      { who: "olly", group: "carer", listened: "yes", anonymous: true },
      { who: "cara", group: "carer", listened: "yes", anonymous: true },
      { who: "cat", group: "carer", listened: "yes", anonymous: true },
    ]);
    await sayIn(h.channel, "cora", "/meeting schedule 2026-12-15 14:00 Planning");
    const view = (await sayIn(BOARD, "paula", "/programme")).text;
    expect(view).toContain(
      "Medication safety: 1 meeting held, 1 planned; papers on time: none sent; check-ins answered: 75% (3 of 4); felt listened to: 67% (2 of 3)",
    );
    expect(view).toContain(
      "Carers voice: 1 meeting held, 0 planned; papers on time: none sent; check-ins answered: 100% (3 of 3); felt listened to: 100% (3 of 3)",
    );
    expect(view).toContain(
      "Whole programme: 2 meetings held, 1 planned; papers on time: none sent; check-ins answered: 86% (6 of 7); felt listened to: 83% (5 of 6)",
    );
  });
});

describe("decisions made outside meetings (PRODUCT.md §12 in §14)", () => {
  it("counts those not yet brought to the group, and stops once their meeting has ended", async () => {
    await sayIn(BOARD, "paula", "/programme setup Board");
    await sayIn(BOARD, "cora", "/programme add Medication safety");
    await sayIn(h.channel, "chris", "/meeting schedule 2026-12-03 14:00 for 1h Planning");
    expect(
      (await sayIn(h.channel, "cora", "/decision The board chose the new rota outside")).error,
    ).toBeUndefined();
    const count = async () =>
      /Whole programme:.*decisions made outside meetings, not yet brought to the group: (\d+);/.exec(
        (await sayIn(BOARD, "paula", "/programme")).text,
      )?.[1];
    expect(await count()).toBe("1");
    h.clock.set("2026-12-03T15:30:00Z");
    await h.bot.tick();
    expect(await count()).toBe("0");
  });
});

describe("where programme commands may be typed", () => {
  it("works for a lead from a direct message or a workstream's channel, and points others to the board", async () => {
    await sayIn(BOARD, "paula", "/programme setup Board");
    await sayIn(BOARD, "paula", "/programme lead <@chris|Chris>");
    // Chris leads the programme and chairs Medication safety: from its channel, privately.
    expect((await sayIn(h.channel, "chris", "/programme add Medication safety")).text).toContain(
      "Medication safety is now part of Board",
    );
    expect((await sayIn(h.channel, "chris", "/programme")).text).toContain("Medication safety: ");
    // Otto coordinates Carers voice but leads nothing: the board's channel is where to add it.
    const otto = await sayIn(CARERS, "otto", "/programme add Carers voice");
    expect(otto.error).toBe("programme.not-here");
    expect(otto.text).toContain("programme board's channel");
    expect((await sayIn(undefined, "otto", "/programme add Carers voice")).error).toBe("programme.not-here");
    expect((await sayIn("test:#random", "otto", "/programme")).text).toContain(
      "This channel isn't a programme board yet",
    );
  });
});

describe("the programme digest once the work is done", () => {
  it("goes while one workstream is open or closed in the last week, then stops", async () => {
    await sayIn(BOARD, "paula", "/programme setup Mental health programme");
    await sayIn(BOARD, "cora", "/programme add Medication safety");
    await sayIn(BOARD, "otto", "/programme add Carers voice");
    const digests = () =>
      h.gateway.to("test:paula").filter((s) => s.text.includes("here is the programme digest")).length;
    const medication = h.store.workstreams.byName("Medication safety");
    const carers = h.store.workstreams.byName("Carers voice");
    if (!medication || !carers) throw new Error("workstreams missing");
    const digestAt = async (when: string) => {
      h.clock.set(when);
      await h.bot.tick();
      await h.bot.deliver();
    };

    h.store.workstreams.close(medication.id, h.clock.now());
    await digestAt("2026-12-07T09:00:30Z"); // Monday 9am in London: the programme's digest
    expect(digests()).toBe(1);

    // The last one closes on Tuesday: Monday's digest still goes, with its closing in it.
    h.clock.set("2026-12-08T10:00:00Z");
    h.store.workstreams.close(carers.id, h.clock.now());
    await digestAt("2026-12-14T09:00:30Z");
    expect(digests()).toBe(2);
    const last = h.gateway
      .to("test:paula")
      .filter((s) => s.text.includes("here is the programme digest"))
      .at(-1);
    expect(last?.text).toContain("Carers voice* (closed)");

    await digestAt("2026-12-21T09:00:30Z");
    expect(digests()).toBe(2);
    // The view itself is still there for the lead.
    expect((await sayIn(BOARD, "paula", "/programme")).text).toContain("Medication safety (closed)");
  });
});
