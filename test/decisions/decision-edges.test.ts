import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** Tuesday 1 December, 8am: M-1 on Friday 18 December, 2pm. */
async function withMeeting() {
  h = createHarness({ start: "2026-12-01T08:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
  await h.say("sam", "/dissent Thursdays are hard for carers");
  await h.bot.deliver();
  h.gateway.clear();
}

describe("/decision reads its dissent clause exactly (§16)", () => {
  it.each([
    ["dissent 1", '"1"'],
    ["dissent #1", '"#1"'],
    ["dissent D-x", '"D-x"'],
    ["dissent banana", '"banana"'],
  ])("refuses '%s' with an example, and records nothing", async (clause, named) => {
    await withMeeting();
    const r = await h.say("chris", `/decision Meetings stay on Thursdays ${clause}`);
    expect(r.error).toBe("clause.unreadable");
    expect(r.text).toContain(named);
    expect(r.text).toContain("D-4");
    expect(r.text).toContain("/decision We will move the meetings to Thursdays dissent D-2");
    expect((await h.say("sam", "/decision list")).text).toContain("is empty");
    await h.bot.deliver();
    expect(h.gateway.to(h.channel)).toHaveLength(0);
  });

  it("still takes ordinary words after 'dissent' as part of the decision", async () => {
    await withMeeting();
    const r = await h.say("chris", "/decision We noted the dissent from carers");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain('"We noted the dissent from carers"');
  });
});

describe("what the people involved are told", () => {
  it("tells a dissenter in short sentences what was decided, where, and that their view is on the record", async () => {
    await withMeeting();
    await h.say("chris", "/decision Meetings stay on Thursdays outside dissent D-1");
    await h.bot.deliver();
    const toSam = h.gateway.to("test:sam");
    expect(toSam).toHaveLength(1);
    const text = toSam[0]?.text ?? "";
    expect(text).toContain(
      'Hi Sam — Chris has recorded a decision in *Medication safety*: "Meetings stay on Thursdays" (decision DC-1).',
    );
    expect(text).toContain(
      "It was made outside a meeting on Tuesday 1 December, and will be brought to the group at M-1 *Budget review* on Friday 18 December.",
    );
    expect(text).toContain("Your view (D-1) is recorded alongside it");
    expect(text).toContain("Thank you for saying what you think");
  });

  it("gives the chair an example that names a real meeting still to come", async () => {
    await withMeeting();
    const none = await h.say("chris", "/decision Budget agreed outside");
    expect(none.text).toContain("/decision bring DC-1");
    expect(none.text).toContain("once it is booked");
    expect(none.text).not.toContain("M-2");
    await h.say("cora", "/meeting schedule 2027-01-15 14:00 Planning");
    const two = await h.say("chris", "/decision Transport is paid outside");
    expect(two.text).toContain("to be brought to the group at M-1");
    expect(two.text).toContain("To bring it to a different meeting: `/decision bring DC-2 M-2`.");
  });
});

describe("/decision bring to a meeting that can't take it", () => {
  it("says in plain words that the meeting was cancelled or has already happened, and changes nothing", async () => {
    await withMeeting();
    await h.say("cora", "/meeting schedule 2026-12-02 10:00 Catch-up");
    await h.say("chris", "/decision Budget agreed outside");
    await h.say("cora", "/meeting cancel M-1");
    const cancelled = await h.say("chris", "/decision bring DC-1 M-1");
    expect(cancelled.error).toBe("decision.meeting-closed");
    expect(cancelled.text).toContain("M-1 was cancelled, so DC-1 can't go on its agenda.");
    h.clock.set("2026-12-02T10:30:00Z");
    await h.say("chris", "/meeting end M-2");
    await h.say("chris", "/decision Transport is paid outside");
    const ended = await h.say("chris", "/decision bring DC-2 M-2");
    expect(ended.error).toBe("decision.meeting-closed");
    expect(ended.text).toContain("M-2 has already happened, so DC-2 can't go on its agenda.");
    expect(ended.text).not.toContain("is ended");
  });
});

describe("the digest's items open more than 8 weeks", () => {
  const digest = () =>
    h.gateway
      .to("test:cora")
      .filter((s) => s.text.includes("here is your digest"))
      .at(-1)?.text ?? "";

  it("leaves out an item open exactly 8 weeks, and shows it a minute later", async () => {
    await withMeeting();
    // D-1 was recorded on Tuesday 1 December at 8am; exactly 8 weeks on is 26 January, 8am.
    h.clock.set("2027-01-26T08:00:00Z");
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    expect(digest()).not.toContain("open more than 8 weeks");
    h.clock.set("2027-01-26T08:01:00Z");
    h.gateway.clear();
    await h.say("cora", "/digest now");
    await h.bot.deliver();
    expect(digest()).toContain('D-1 "Thursdays are hard for carers": open since Tuesday 1 December');
  });
});

describe("a linked view withdrawn afterwards", () => {
  it("stays on the decision, marked as since withdrawn", async () => {
    await withMeeting();
    await h.say("kim", "/dissent Not on Thursdays");
    await h.say("chris", "/decision Meetings stay on Thursdays outside dissent D-1 D-2");
    await h.say("sam", "/dissent withdraw D-1");
    const log = await h.say("lee", "/decision list");
    expect(log.text).toContain("Dissent recorded alongside it: D-1 (since withdrawn), D-2");
  });
});

describe("ids from another workstream", () => {
  it("are not found: a chair can't bring a decision to another group's meeting, nor touch its decisions", async () => {
    await withMeeting();
    const other = (text: string) =>
      h.bot.command({ platform: "test", actor: h.person("otto"), channel: "test:#other", text });
    await other("/workstream setup Other group");
    await other("/meeting schedule 2026-12-10 10:00 Theirs");
    await other("/meeting schedule 2026-12-11 10:00 Theirs again");
    await other("/decision Their private plan outside");
    await h.say("chris", "/decision Ours outside");
    const r = await h.say("chris", "/decision bring DC-1 M-2");
    expect(r.error).toBe("meeting.not-found");
    expect(r.text).toContain("There is no meeting M-2 in *Medication safety*");
    const log = await h.say("sam", "/decision list");
    expect(log.text).toContain("to be brought to the group at M-1 *Budget review*");
    expect(log.text).not.toContain("Their private plan");
    expect(log.text).not.toContain("Theirs");
  });
});

describe("/decision bring with extra words", () => {
  it("names what it could not read, with an example, and changes nothing", async () => {
    await withMeeting();
    await h.say("cora", "/meeting schedule 2027-01-15 14:00 Planning");
    await h.say("chris", "/decision Budget agreed outside");
    const r = await h.say("chris", "/decision bring DC-1 M-2 please");
    expect(r.text).toContain('I couldn\'t read "please"');
    expect(r.text).toContain("/decision bring DC-3 M-4");
    expect((await h.say("sam", "/decision list")).text).toContain("to be brought to the group at M-1");
  });
});
