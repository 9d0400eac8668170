import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const channelPosts = () => h.gateway.to(h.channel).map((s) => s.text);

/** Tuesday 1 December, 8am: M-1 runs 10am to noon today, M-2 is on Friday 18 December, 2pm. */
async function withMeetings() {
  h = createHarness({ start: "2026-12-01T08:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-01 10:00 for 2 hours Planning");
  await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
  await h.bot.deliver();
  h.gateway.clear();
}

describe("recording decisions (/decision)", () => {
  it("records a decision in the meeting in progress, posts it in the channel, and lists it for members", async () => {
    await withMeetings();
    h.clock.set("2026-12-01T10:30:00Z");
    const made = await h.say("chris", "/decision We will move the meetings to Thursdays");
    expect(made.error).toBeUndefined();
    expect(made.text).toContain(
      'DC-1 is recorded: "We will move the meetings to Thursdays", made at M-1 *Planning* on Tuesday 1 December.',
    );
    await h.bot.deliver();
    expect(channelPosts().join("\n")).toContain("Decision DC-1 (recorded by Chris), made at M-1 *Planning*");
    const list = await h.say("sam", "/decision list");
    expect(list.error).toBeUndefined();
    expect(list.text).toContain("The decision log for *Medication safety* (1)");
    expect(list.text).toContain('*DC-1* — "We will move the meetings to Thursdays"');
    expect(list.text).toContain("Made at M-1 *Planning* on Tuesday 1 December");
    expect(list.text).toContain("Recorded by Chris");
    expect(list.text).toContain("No dissent linked");
  });

  it("counts a meeting that ended in the last 12 hours, and not one that ended longer ago", async () => {
    await withMeetings();
    h.clock.set("2026-12-01T11:00:00Z");
    await h.say("chris", "/meeting end");
    h.clock.set("2026-12-01T22:00:00Z");
    const late = await h.say("cora", "/decision Minutes go out within a week");
    expect(late.text).toContain("made at M-1 *Planning*");
    h.clock.set("2026-12-02T00:00:00Z");
    const next = await h.say("cora", "/decision Papers in large print for everyone");
    expect(next.text).toContain(
      'DC-2 is recorded: "Papers in large print for everyone", made outside a meeting on Wednesday 2 December',
    );
  });

  it("records a decision made outside a meeting, posted plainly marked, and put on the next meeting's agenda", async () => {
    await withMeetings();
    const made = await h.say("chris", "/decision Carers' travel is paid from January");
    expect(made.text).toContain("made outside a meeting on Tuesday 1 December");
    expect(made.text).toContain("to be brought to the group at M-1 *Planning*");
    expect(made.text).toContain("marked as made outside a meeting");
    await h.bot.deliver();
    const post = channelPosts().find((t) => t.includes("DC-1"));
    expect(post).toContain("Decision DC-1, made outside a meeting (recorded by Chris)");
    expect(post).toContain("It goes on the agenda for M-1 *Planning* on Tuesday 1 December");
    const agenda = await h.say("sam", "/agenda M-1");
    expect(agenda.text).toContain(
      "DC-1 *Carers' travel is paid from January* (a decision made outside a meeting",
    );

    h.clock.set("2026-12-01T11:00:00Z");
    await h.say("chris", "/meeting end");
    const list = await h.say("kim", "/decision list");
    expect(list.text).toContain(
      "Made outside a meeting on Tuesday 1 December; brought to the group at M-1 *Planning* on Tuesday 1 December",
    );
  });

  it("marks a decision outside a meeting with 'outside', even during one", async () => {
    await withMeetings();
    h.clock.set("2026-12-01T10:30:00Z");
    const made = await h.say("chris", "/decision The budget was agreed by the board outside");
    expect(made.text).toContain("made outside a meeting on Tuesday 1 December");
    expect(made.text).toContain('"The budget was agreed by the board"');
    // The meeting under way already started, so it goes to the next one.
    expect(made.text).toContain("to be brought to the group at M-2 *Budget review*");
  });

  it("lets the chair bring an outside decision to a named meeting instead of the next one", async () => {
    await withMeetings();
    await h.say("chris", "/decision Carers' travel is paid from January");
    const brought = await h.say("chris", "/decision bring DC-1 M-2");
    expect(brought.error).toBeUndefined();
    expect(brought.text).toContain("is on the agenda for M-2 *Budget review* on Friday 18 December");
    expect((await h.say("sam", "/agenda M-1")).text).not.toContain("DC-1");
    expect((await h.say("sam", "/agenda M-2")).text).toContain("DC-1 *Carers' travel is paid from January*");

    h.clock.set("2026-12-01T11:00:00Z");
    await h.say("chris", "/meeting end");
    expect((await h.say("sam", "/decision list")).text).toContain("to be brought to the group at M-2");
    h.clock.set("2026-12-18T15:00:00Z");
    await h.say("chris", "/meeting end M-2");
    expect((await h.say("sam", "/decision list")).text).toContain(
      "brought to the group at M-2 *Budget review*",
    );
    const again = await h.say("chris", "/decision bring DC-1 M-2");
    expect(again.error).toBe("decision.already-brought");
  });

  it("refuses to bring a decision made in a meeting, or to a meeting that has started", async () => {
    await withMeetings();
    h.clock.set("2026-12-01T10:30:00Z");
    await h.say("chris", "/decision In the meeting");
    expect((await h.say("chris", "/decision bring DC-1 M-2")).error).toBe("decision.in-meeting");
    await h.say("chris", "/decision Elsewhere outside");
    const started = await h.say("chris", "/decision bring DC-2 M-1");
    expect(started.error).toBe("decision.meeting-started");
    expect((await h.say("chris", "/decision bring DC-9 M-2")).error).toBe("decision.not-found");
    expect((await h.say("cora", "/decision bring DC-2 M-2")).error).toBe("permission.denied");
  });

  it("updates the papers message in place when an outside decision joins an agenda after they went out", async () => {
    await withMeetings();
    await h.say("cora", "/papers add M-2 https://example.org/budget.pdf Budget 2027");
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const before = h.gateway.to("test:sam").length;
    await h.say("chris", "/decision Carers' travel is paid from January");
    await h.bot.deliver();
    const update = h.gateway.updated.filter((u) => u.address === "test:sam").at(-1);
    expect(update?.text).toContain("DC-1 *Carers' travel is paid from January*");
    expect(h.gateway.to("test:sam")).toHaveLength(before);
  });
});

describe("when the meeting an outside decision was going to is cancelled", () => {
  it("moves it to the next meeting, whose papers message shows it in place", async () => {
    h = createHarness({ start: "2026-12-01T08:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/meeting schedule 2026-12-15 14:00 Planning");
    await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
    await h.say("cora", "/papers add M-2 https://example.org/budget.pdf Budget 2027");
    h.clock.set("2026-12-11T15:00:00Z");
    await h.bot.tick();
    await h.bot.deliver();
    const made = await h.say("chris", "/decision Carers' travel is paid from January");
    expect(made.text).toContain("to be brought to the group at M-1 *Planning*");
    await h.bot.deliver();
    expect(h.gateway.updated.filter((u) => u.text.includes("DC-1"))).toHaveLength(0);
    await h.say("cora", "/meeting cancel M-1");
    await h.bot.deliver();
    expect((await h.say("sam", "/decision list")).text).toContain(
      "to be brought to the group at M-2 *Budget review*",
    );
    const update = h.gateway.updated.filter((u) => u.address === "test:sam").at(-1);
    expect(update?.text).toContain("DC-1 *Carers' travel is paid from January*");
  });
});

describe("dissent linked to a decision", () => {
  it("names the dissent on the decision and on each dissent's record, and tells each member privately", async () => {
    await withMeetings();
    await h.say("sam", "/dissent Thursdays are hard for carers");
    await h.say("kim", "/dissent Thursdays clash with clinics");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-01T10:30:00Z");
    const made = await h.say("chris", "/decision Meetings move to Thursdays dissent D-1 D-2");
    expect(made.error).toBeUndefined();
    expect(made.text).toContain('"Meetings move to Thursdays"');
    expect(made.text).toContain("Linked dissent: D-1, D-2. I've told each member privately.");
    await h.bot.deliver();
    await h.bot.deliver();

    const toSam = h.gateway.to("test:sam");
    expect(toSam).toHaveLength(1);
    expect(toSam[0]?.text).toContain("Hi Sam");
    expect(toSam[0]?.text).toContain("Your view (D-1) is recorded alongside it");
    expect(toSam[0]?.text).not.toContain("Kim");
    expect(toSam[0]?.text).not.toContain("D-2");
    const toKim = h.gateway.to("test:kim");
    expect(toKim).toHaveLength(1);
    expect(toKim[0]?.text).toContain("Your view (D-2)");
    expect(toKim[0]?.text).not.toContain("Sam");
    expect(h.gateway.to("test:lee")).toHaveLength(0);

    const log = await h.say("lee", "/decision list");
    expect(log.text).toContain("Dissent recorded alongside it: D-1, D-2");
    const register = await h.say("lee", "/dissent list");
    expect(register.text.match(/Recorded alongside decision DC-1/g)).toHaveLength(2);
  });

  it("refuses a dissent id that does not exist, or is in another workstream, naming it, and records nothing", async () => {
    await withMeetings();
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: "test:#other",
      text: "/workstream setup Other group",
    });
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: "test:#other",
      text: "/dissent Their private view",
    });
    const missing = await h.say("chris", "/decision Meetings move to Thursdays dissent D-1");
    expect(missing.error).toBe("decision.dissent-not-found");
    expect(missing.text).toContain("There is no D-1 in *Medication safety*");
    await h.say("sam", "/dissent Thursdays are hard");
    const nine = await h.say("chris", "/decision Meetings move dissent D-1, D-9");
    expect(nine.error).toBe("decision.dissent-not-found");
    expect(nine.text).toContain("D-9");
    expect((await h.say("sam", "/decision list")).text).toContain("is empty");
  });

  it("reads the clauses exactly: an unreadable dissent id is refused, ordinary words stay in the decision", async () => {
    await withMeetings();
    await h.say("sam", "/dissent Thursdays are hard");
    const bad = await h.say("chris", "/decision Move to Thursdays dissent D-1 banana");
    expect(bad.error).toBe("clause.unreadable");
    expect(bad.text).toContain('"banana"');
    const empty = await h.say("chris", "/decision Move to Thursdays dissent");
    expect(empty.error).toBe("clause.unreadable");
    const words = await h.say("chris", "/decision We noted the dissent from carers outside");
    expect(words.text).toContain('"We noted the dissent from carers"');
    const both = await h.say("chris", "/decision Thursdays dissent D-1 outside");
    expect(both.text).toContain("made outside a meeting");
    expect(both.text).toContain("Linked dissent: D-1");
    await h.say("kim", "/dissent Not on Thursdays");
    const commas = await h.say("chris", "/decision Thursdays it is dissent D-1,D-2");
    expect(commas.text).toContain("Linked dissent: D-1, D-2");
    const quoted = await h.say("chris", '/decision "Smoking only outside" dissent D-1');
    expect(quoted.text).toContain('"Smoking only outside"');
    const long = await h.say("chris", `/decision ${"x".repeat(1001)}`);
    expect(long.error).toBe("text.too-long");
    expect(long.text).toContain("please keep it to 1,000");
    expect((await h.say("sam", "/decision Sam decides")).error).toBe("permission.denied");
  });

  it("refuses to link a withdrawn view", async () => {
    await withMeetings();
    await h.say("sam", "/dissent Thursdays are hard");
    await h.say("sam", "/dissent withdraw D-1");
    const r = await h.say("chris", "/decision Thursdays dissent D-1");
    expect(r.error).toBe("decision.dissent-withdrawn");
  });
});
