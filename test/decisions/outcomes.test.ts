import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { click } from "../papers/papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const digestTo = (who: string) =>
  h.gateway
    .to(`test:${who}`)
    .filter((s) => s.text.includes("here is your digest"))
    .at(-1)?.text ?? "";

/** Everything members can raise, each ending a different way. */
async function busy() {
  h = createHarness({ start: "2026-12-01T08:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-01 10:00 for 2 hours Planning");
  await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
  await h.say("sam", "/dissent Thursdays are hard for carers");
  await h.say("kim", "/dissent The rota is unsafe at night");
  await h.say("lee", "/dissent I changed my mind");
  await h.say("lee", "/dissent withdraw D-3");
  await h.say("chris", "/park D-2 revisit 2027-01-12");
  await h.say("chris", "/park Parking at the hospital");
  await h.say("chris", "/parked resolve P-2 The trust pays for parking");
  await h.say("chris", "/park Room bookings");
  await h.say("chris", "/parked drop P-3 Sorted by email");
  await h.say("kim", "/agenda suggest M-2 Transport to meetings");
  await h.say("lee", "/agenda suggest M-2 Kim's secret suggestion");
  await h.say("sam", "/agenda suggest M-2 A suggestion still waiting");
  await h.bot.deliver();
  const choices = h.gateway
    .to("test:chris")
    .flatMap((s) => s.message.blocks)
    .flatMap((b) => (b.kind === "buttons" ? b.buttons : []));
  const accept = choices.filter((b) => b.label === "Accept")[0];
  const decline = choices.filter((b) => b.label === "Decline")[1];
  if (!accept || !decline) throw new Error("no suggestions for the chair");
  click(h, "chris", accept);
  click(h, "chris", { action: "agenda.declined", value: decline.value }, { reason: "" });
  await h.say("chris", "/decision Meetings move to Thursdays dissent D-1 outside");
  const ws = h.store.workstreams.byChannel(h.channel);
  const sam = h.store.people.byKey("test:sam");
  if (!ws || !sam) throw new Error("no workstream");
  const now = h.clock.now();
  const q1 = h.store.papers.addQuestion({
    workstreamId: ws.id,
    meetingId: 2,
    personId: sam.id,
    question: "Sam's private question about page 4",
    now,
  });
  h.store.papers.addQuestion({
    workstreamId: ws.id,
    meetingId: 2,
    personId: sam.id,
    question: "Another",
    now,
  });
  h.store.papers.answerQuestion(q1.id, "The chair's private answer", 2, now);
  await h.say("sam", "/support Sam's private need: a taxi", "dm");
  await h.bot.deliver();
  h.gateway.clear();
}

describe('"You said, we did" (/outcomes)', () => {
  it("shows a member every item raised and what happened, still open first and oldest first", async () => {
    await busy();
    const r = await h.say("lee", "/outcomes");
    expect(r.error).toBeUndefined();
    const text = r.text;
    expect(text).toContain("You said, we did — *Medication safety*");
    expect(text).toContain('D-1 "Thursdays are hard for carers": Decided (DC-1)');
    expect(text).toContain(
      'D-2 "The rota is unsafe at night": Parked as P-1; still open since Tuesday 1 December',
    );
    expect(text).toContain("back for another look on Tuesday 12 January");
    expect(text).toContain('D-3 "I changed my mind": Withdrawn');
    expect(text).toContain("P-2 *Parking at the hospital*: Resolved: The trust pays for parking.");
    expect(text).toContain("P-3 *Room bookings*: Dropped: Sorted by email.");
    expect(text).toContain("*Transport to meetings*: Accepted: on the agenda for M-2 Budget review");
    expect(text).toContain("1 agenda suggestion not taken up: Declined by the chair");
    expect(text).toContain("1 agenda suggestion waiting for the chair's answer");
    expect(text).toContain("2 questions on the papers for M-2 Budget review: 1 answered; 1 still waiting");
    expect(text).toContain("Fewer than 3 support requests");
    // Open ones first, oldest first: D-2 was raised before the waiting suggestion and the question.
    const open = text.indexOf("Still open (");
    const done = text.indexOf("What happened (");
    expect(open).toBeGreaterThan(-1);
    expect(text.indexOf("D-2 ")).toBeGreaterThan(open);
    expect(text.indexOf("D-2 ")).toBeLessThan(text.indexOf("waiting for the chair's answer"));
    expect(text.indexOf("waiting for the chair's answer")).toBeLessThan(done);
    expect(text.indexOf("D-1 ")).toBeGreaterThan(done);
  });

  it("never shows who raised what, the words of questions, support or declined suggestions", async () => {
    await busy();
    const text = (await h.say("lee", "/outcomes")).text;
    for (const secret of [
      "Sam",
      "Kim",
      "Lee",
      "page 4",
      "private answer",
      "taxi",
      "Kim's secret suggestion",
      "A suggestion still waiting",
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it("shows nothing from another workstream", async () => {
    await busy();
    const other = (text: string) =>
      h.bot.command({ platform: "test", actor: h.person("otto"), channel: "test:#other", text });
    await other("/workstream setup Other group");
    await other("/dissent Otto's view in the other group");
    await other("/park Otto's parked item");
    await other("/decision Otto's decision outside");
    const text = (await h.say("lee", "/outcomes")).text;
    expect(text).not.toContain("Otto");
    const log = (await h.say("lee", "/decision list")).text;
    expect(log).not.toContain("Otto");
    expect(log).toContain("(1)");
  });

  it("is for members only", async () => {
    await busy();
    const r = await h.bot.command({
      platform: "test",
      actor: h.person("nora"),
      channel: h.channel,
      text: "/outcomes",
    });
    expect(r.error).toBe("member.not-member");
  });
});

describe("the digest", () => {
  it("counts decisions made outside meetings not yet brought to the group", async () => {
    await busy();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    const text = digestTo("cora");
    expect(text).toContain("Decisions made outside meetings");
    expect(text).toContain("1 decision made outside a meeting has not yet been brought to the group");
    expect(text).toContain("DC-1: on the agenda for M-1 Planning");
    h.clock.set("2026-12-01T11:00:00Z");
    await h.say("chris", "/meeting end M-1");
    h.gateway.clear();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    expect(digestTo("cora")).not.toContain("Decisions made outside meetings");
  });

  it("lists items members raised that are still open after 8 weeks", async () => {
    await busy();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    expect(digestTo("cora")).not.toContain("open more than 8 weeks");
    h.clock.set("2027-01-27T09:00:00Z");
    h.gateway.clear();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    const text = digestTo("cora");
    expect(text).toContain("Raised by members, open more than 8 weeks");
    expect(text).toContain('D-2 "The rota is unsafe at night": open since Tuesday 1 December');
    expect(text).not.toContain('D-1 "Thursdays');
  });
});
