import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";
import { button, click, recipientsOf, textOf } from "./papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const MEMBERS = ["test:chris", "test:cora", "test:kim", "test:lee", "test:sam"];

// Tuesday 1 December 2026, 10am in London. M-1 is on Friday 11 December, 2pm: 10 days away.
// Papers go out 7 days before (Friday 4 December, 2pm); the reminder 2 days before (Wednesday 9th).
async function meetingWithTwoPapers() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
  const first = await h.say(
    "chris",
    "/papers add M-1 https://example.org/budget.pdf Budget 2027 — where the money goes next year",
  );
  expect(first.error).toBeUndefined();
  expect(first.text).toContain("PA-1 *Budget 2027* is added to M-1");
  expect(first.text).toContain(
    "Members will get all of M-1's papers in one message on Friday 4 December, 2pm",
  );
  const second = await h.say("cora", "/papers add <https://example.org/safety.pdf> Safety report");
  expect(second.text).toContain("PA-2 *Safety report* is added to M-1");
  await h.bot.deliver();
  h.gateway.clear();
}

const papersDms = () => h.gateway.sent.filter((s) => s.text.includes("the papers for *Medication review*"));
const reminders = () => h.gateway.sent.filter((s) => s.text.includes("gentle reminder about the papers"));

describe("papers ahead of a meeting", () => {
  it("sends every member one message with both papers at the lead time, and never again", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T13:59:00Z");
    await h.bot.tick();
    expect(papersDms()).toHaveLength(0);

    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    await h.bot.tick();
    h.clock.set("2026-12-04T15:00:00Z");
    await h.bot.tick();
    expect(
      papersDms()
        .map((s) => s.address)
        .sort(),
    ).toEqual(MEMBERS);
    const sams = h.gateway.to("test:sam")[0]?.text ?? "";
    expect(sams).toContain(
      "Hi Sam — the papers for *Medication review* on Friday 11 December, 2pm are ready.",
    );
    expect(sams).toContain("There are 2 papers.");
    expect(sams).toContain("*Budget 2027*: https://example.org/budget.pdf — where the money goes next year");
    expect(sams).toContain("*Safety report*: https://example.org/safety.pdf");
    expect(sams).not.toContain("PA-");
    expect(sams).toContain("you can ask Chris (the chair) privately");
    expect(sams).toContain("`/glossary`");
    expect(sams).toContain(`"I've read them", "Question for the chair", "Another format, please"`);
  });

  it("reminds only members who have not confirmed reading, and not the one who asked for quiet", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    const thanked = click(h, "sam", button(h, "sam", "I've read them"));
    expect(thanked.kind).toBe("update");
    expect(textOf(thanked)).toContain("Thank you, Sam — I've noted that you've read them.");
    expect(textOf(thanked)).toContain("https://example.org/budget.pdf");
    expect(textOf(thanked)).not.toContain(`"I've read them"`);
    await h.say("kim", "/quiet until 2026-12-20");
    h.gateway.clear();

    h.clock.set("2026-12-09T13:59:00Z");
    await h.bot.tick();
    expect(reminders()).toHaveLength(0);
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    h.clock.set("2026-12-10T14:00:00Z");
    await h.bot.tick();
    expect(
      reminders()
        .map((s) => s.address)
        .sort(),
    ).toEqual(["test:chris", "test:cora", "test:lee"]);
    expect(reminders()[0]?.text).toContain("when you have a minute");
  });

  it("shows chairs and coordinators who has read them, and members only their own state", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    click(h, "sam", button(h, "sam", "I've read them"));

    const chair = await h.say("chris", "/papers");
    expect(chair.text).toContain("Papers for M-1 *Medication review*");
    expect(chair.text).toContain("Have read them (1 of 5): Sam");
    expect(chair.text).toContain("Not yet: Chris, Cora, Kim and Lee");
    const coordinator = await h.say("cora", "/papers M-1");
    expect(coordinator.text).toContain("Have read them (1 of 5): Sam");

    const lee = await h.say("lee", "/papers");
    expect(lee.text).toContain("*Budget 2027*: https://example.org/budget.pdf");
    expect(lee.text).not.toContain("PA-1");
    expect(chair.text).toContain("*Budget 2027* (PA-1)");
    expect(lee.text).toContain("You haven't said you've read them yet");
    expect(lee.text).not.toContain("Sam");
    const sam = await h.say("sam", "/papers", "dm");
    expect(sam.text).toContain("You've said you've read them.");
    expect(sam.text).not.toContain("Kim");
  });

  it("records one confirmation however often 'I've read them' is clicked or retried", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    const read = button(h, "sam", "I've read them");
    click(h, "sam", read);
    const again = click(h, "sam", read);
    expect(textOf(again)).toContain("Thank you, Sam");
    const rows = h.db.prepare("SELECT COUNT(*) AS n FROM paper_reads").get() as { n: number };
    expect(rows.n).toBe(1);
    expect((await h.say("chris", "/papers")).text).toContain("Have read them (1 of 5): Sam");
  });

  it("sends a paper added after the others at once to every member, marked late, and counts the meeting as late", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    const store = h.store;
    const window = [new Date("2026-12-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z")] as const;
    expect(store.papers.status(1, ...window)[0]).toMatchObject({ papers: 2, late: false, unread: 5 });
    h.gateway.clear();

    h.clock.set("2026-12-07T10:00:00Z");
    const reply = await h.say(
      "chris",
      "/papers add https://example.org/rota.pdf New rota — the draft night rota",
    );
    expect(reply.text).toContain("PA-3 *New rota* is added to M-1");
    expect(reply.text).toContain("sending this one to every member now, marked late");
    await h.bot.deliver();
    expect(recipientsOf(h, "one more paper for *Medication review*")).toEqual(MEMBERS);
    const sams = h.gateway.to("test:sam")[0]?.text ?? "";
    expect(sams).toContain("Sorry it's late.");
    expect(sams).toContain("*New rota* (added late): https://example.org/rota.pdf — the draft night rota");
    expect(store.papers.status(1, ...window)[0]).toMatchObject({ papers: 3, late: true, unread: 5 });
    expect((await h.say("cora", "/papers")).text).toContain("(later than planned)");
  });

  it("counts a meeting as late when its papers first go out after the lead time", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-04 14:00 Short notice");
    const reply = await h.say("chris", "/papers add https://example.org/plan.pdf Plan");
    expect(reply.text).toContain("I'm sending them to every member now");
    await h.bot.deliver();
    expect(recipientsOf(h, "the papers for *Short notice*")).toEqual(MEMBERS);
    const status = h.store.papers.status(1, new Date("2026-12-01"), new Date("2026-12-31"));
    expect(status[0]).toMatchObject({ papers: 1, late: true });
  });

  it("sends the papers early on request, and then not again at the lead time", async () => {
    await meetingWithTwoPapers();
    const reply = await h.say("chris", "/papers send");
    expect(reply.text).toContain("I'm sending M-1's papers (*Medication review*) to every member now");
    await h.bot.deliver();
    expect(papersDms()).toHaveLength(MEMBERS.length);
    expect((await h.say("chris", "/papers send M-1")).error).toBe("papers.already-sent");
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    expect(papersDms()).toHaveLength(MEMBERS.length);
    const status = h.store.papers.status(1, new Date("2026-12-01"), new Date("2026-12-31"));
    expect(status[0]).toMatchObject({ late: false });
  });

  it("sends nothing more about a cancelled meeting, and its buttons stop working", async () => {
    await meetingWithTwoPapers();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    const read = button(h, "lee", "I've read them");
    await h.say("chris", "/meeting cancel M-1");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2026-12-09T14:00:00Z");
    await h.bot.tick();
    expect(reminders()).toHaveLength(0);
    expect(textOf(click(h, "lee", read))).toContain("That meeting is cancelled");
    expect((await h.say("chris", "/papers add M-1 https://example.org/x.pdf X")).error).toBe(
      "papers.meeting-closed",
    );
  });

  it("does not send papers for a meeting cancelled before the lead time", async () => {
    await meetingWithTwoPapers();
    await h.say("chris", "/meeting cancel M-1");
    h.gateway.clear();
    h.clock.set("2026-12-04T14:00:00Z");
    await h.bot.tick();
    expect(papersDms()).toHaveLength(0);
  });

  it("drops a papers reminder that no longer makes sense after a restart, and logs it", async () => {
    const database = tempDatabase();
    const first = createHarness({ start: "2026-12-01T10:00:00Z", dbPath: database });
    await seedGroup(first);
    await first.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
    await first.say("chris", "/papers add https://example.org/budget.pdf Budget");
    first.clock.set("2026-12-04T14:00:00Z");
    await first.bot.tick();
    first.db.close(); // down from before the reminder until after the meeting began

    const second = createHarness({ start: "2026-12-11T15:00:00Z", dbPath: database });
    await second.bot.tick();
    expect(second.gateway.sent.filter((s) => s.text.includes("gentle reminder"))).toHaveLength(0);
    const dropped = second.logs.filter(
      (l) =>
        l.msg.startsWith("dropped a stale message") && String(l.fields.key).startsWith("papers-reminder:"),
    );
    expect(dropped).toHaveLength(MEMBERS.length);
    second.cleanup();
  });

  it("refuses a paper without a link, and a member adding papers, changing nothing", async () => {
    await meetingWithTwoPapers();
    const noLink = await h.say("chris", "/papers add M-1 Budget 2027");
    expect(noLink.error).toBe("papers.add");
    expect(noLink.text).toContain("doesn't look like a link");
    expect(noLink.text).toContain("For example: `/papers add M-3 https://example.org/budget.pdf");
    const member = await h.say("sam", "/papers add https://example.org/x.pdf X");
    expect(member.error).toBe("permission.denied");
    expect(h.store.papers.forMeeting(1)).toHaveLength(2);
  });
});
