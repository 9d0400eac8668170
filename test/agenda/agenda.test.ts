import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click, formOf, submit, textOf } from "../papers/papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** Tuesday 1 December; M-1 is Friday 18 December, 2pm, so its papers go out on Friday 11th at 2pm. */
async function withMeeting() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
  await h.say("cora", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
  await h.bot.deliver();
  h.gateway.clear();
}

/** Moves the clock to when the papers go out, and sends them. */
async function papersGoOut() {
  h.clock.set("2026-12-11T15:00:00Z");
  await h.bot.tick();
  await h.bot.deliver();
}

describe("the agenda (/agenda)", () => {
  it("lets the chair add items, and shows them to members with the papers", async () => {
    await withMeeting();
    const added = await h.say("chris", "/agenda add Transport to meetings");
    expect(added.error).toBeUndefined();
    expect(added.text).toContain("Added A-1 *Transport to meetings* to the agenda for M-1");
    expect(added.text).toContain("It goes out to everyone with the papers.");
    await h.say("chris", "/agenda add M-1 Respite budget");
    const shown = await h.say("sam", "/agenda");
    expect(shown.error).toBeUndefined();
    expect(shown.text).toContain("Agenda for M-1 *Budget review* on Friday 18 December");
    expect(shown.text).toContain("A-1 *Transport to meetings*");
    expect(shown.text).toContain("A-2 *Respite budget*");
    expect(shown.text).toContain("*Budget 2027*");
    expect(shown.text).toContain("/agenda suggest M-1");
  });

  it("puts the agenda in the one papers message each member gets", async () => {
    await withMeeting();
    await h.say("chris", "/agenda add Transport to meetings");
    await papersGoOut();
    const toSam = h.gateway.to("test:sam");
    expect(toSam).toHaveLength(1);
    expect(toSam[0]?.text).toContain("the papers for *Budget review*");
    expect(toSam[0]?.text).toContain("On the agenda:");
    expect(toSam[0]?.text).toContain("A-1 *Transport to meetings*");
  });

  it("updates each member's papers message in place when the agenda changes after they went out", async () => {
    await withMeeting();
    await papersGoOut();
    const before = h.gateway.sent.length;
    const papersToKim = h.gateway.to("test:kim")[0];
    expect(papersToKim?.text).not.toContain("On the agenda:");
    const added = await h.say("chris", "/agenda add Transport to meetings");
    expect(added.text).toContain("Everyone's papers message now shows the new agenda.");
    await h.bot.deliver();
    // No second message: the one already sent is rewritten.
    expect(h.gateway.sent.length).toBe(before);
    const toKim = h.gateway.updated.filter((u) => u.address === "test:kim");
    expect(toKim).toHaveLength(1);
    expect(toKim[0]?.ref).toBe(papersToKim?.ref);
    expect(toKim[0]?.text).toContain("A-1 *Transport to meetings*");
    expect(toKim[0]?.text).toContain("I've read them");
    // Five members, one update each.
    expect(h.gateway.updated).toHaveLength(5);

    await h.say("chris", "/agenda drop A-1");
    await h.bot.deliver();
    const latest = h.gateway.updated.filter((u) => u.address === "test:kim").at(-1);
    expect(latest?.text).not.toContain("Transport to meetings");
    expect(h.gateway.sent.length).toBe(before);
  });

  it("keeps the thank-you for someone who has read them when the agenda changes", async () => {
    await withMeeting();
    await papersGoOut();
    await click(h, "sam", button(h, "sam", "I've read them"));
    await h.say("chris", "/agenda add Transport to meetings");
    await h.bot.deliver();
    const toSam = h.gateway.updated.filter((u) => u.address === "test:sam").at(-1);
    expect(toSam?.text).toContain("I've noted that you've read them");
    expect(toSam?.text).not.toContain("I've read them\n");
  });

  it("sends only the newest version when the agenda changes twice before the updates go", async () => {
    await withMeeting();
    await papersGoOut();
    await h.say("chris", "/agenda add Transport to meetings");
    await h.say("chris", "/agenda add Respite budget");
    await h.bot.deliver();
    const toLee = h.gateway.updated.filter((u) => u.address === "test:lee");
    expect(toLee.at(-1)?.text).toContain("A-2 *Respite budget*");
    expect(toLee.at(-1)?.text).toContain("A-1 *Transport to meetings*");
    // Each update goes once; the final words are the newest.
    const keys = h.store.outbox.byKey(`papers-update:1:${h.store.people.byKey("test:lee")?.id}:2`);
    expect(keys?.status).toBe("sent");
  });

  it("does not change the papers message once the meeting has started", async () => {
    await withMeeting();
    await papersGoOut();
    h.clock.set("2026-12-18T14:30:00Z");
    const late = await h.say("chris", "/agenda add M-1 Too late");
    expect(late.error).toBe("agenda.meeting-started");
    await h.bot.deliver();
    expect(h.gateway.updated).toHaveLength(0);
  });

  it("lets only the chair add or drop items, and points members to suggesting", async () => {
    await withMeeting();
    const bySam = await h.say("sam", "/agenda add Transport");
    expect(bySam.error).toBe("permission.denied");
    expect(bySam.text).toContain("/agenda suggest");
    const byCora = await h.say("cora", "/agenda add Transport");
    expect(byCora.error).toBe("permission.denied");
    await h.say("chris", "/agenda add Transport");
    expect((await h.say("sam", "/agenda drop A-1")).error).toBe("permission.denied");
  });

  it("refuses what it cannot read, with an example", async () => {
    await withMeeting();
    const empty = await h.say("chris", "/agenda add");
    expect(empty.error).toBe("agenda.add");
    expect(empty.text).toContain("/agenda add M-3 Transport to meetings");
    const long = await h.say("chris", `/agenda add ${"x".repeat(301)}`);
    expect(long.error).toBe("text.too-long");
    expect(long.text).toContain("300");
    expect((await h.say("chris", "/agenda drop banana")).error).toBe("agenda.id");
    expect((await h.say("chris", "/agenda drop A-9")).error).toBe("agenda.not-found");
    expect((await h.say("chris", "/agenda drop A-1 A-2")).error).toBe("agenda.drop");
    expect((await h.say("sam", "/agenda M-9")).error).toBe("meeting.not-found");
    expect((await h.say("sam", "/agenda tomorrow")).error).toBe("agenda.usage");
    await h.say("chris", "/agenda add Transport");
    await h.say("chris", "/agenda drop A-1");
    expect((await h.say("chris", "/agenda drop A-1")).error).toBe("agenda.gone");
  });

  it("says when there is no meeting to put an item on", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    const reply = await h.say("chris", "/agenda add Transport");
    expect(reply.error).toBe("agenda.no-meeting");
    expect((await h.say("sam", "/agenda")).error).toBe("agenda.no-meeting");
  });
});

describe("suggesting an item for the agenda (/agenda suggest)", () => {
  it("sends the suggestion privately to the chair, who accepts it; the member is told and it joins the agenda", async () => {
    await withMeeting();
    await papersGoOut();
    h.gateway.clear();
    const reply = await h.say("sam", "/agenda suggest Parking at the hospital", "dm");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("I've sent your suggestion to Chris (the chair)");
    await h.bot.deliver();
    const toChris = h.gateway.to("test:chris");
    expect(toChris).toHaveLength(1);
    expect(toChris[0]?.text).toContain("Sam suggests an item for the agenda of M-1");
    expect(toChris[0]?.text).toContain("*Parking at the hospital*");
    // Nobody else sees it yet.
    expect(h.gateway.sent.filter((s) => s.text.includes("Parking at the hospital"))).toHaveLength(1);
    expect((await h.say("kim", "/agenda")).text).not.toContain("Parking");
    // The chair sees it waiting, marked as only for the chairs.
    const forChair = await h.say("chris", "/agenda");
    expect(forChair.text).toContain("Suggestions waiting for a chair's answer (only the chairs see these):");
    expect(forChair.text).toContain("*Parking at the hospital* (from Sam)");

    const accepted = await click(h, "chris", button(h, "chris", "Accept"));
    expect(accepted.kind).toBe("update");
    expect(textOf(accepted)).toContain("is on the agenda as A-1");
    await h.bot.deliver();
    const toSam = h.gateway.to("test:sam").at(-1);
    expect(toSam?.text).toContain("Chris has put your suggestion on the agenda for M-1");
    expect((await h.say("kim", "/agenda")).text).toContain(
      "A-1 *Parking at the hospital* (suggested by Sam)",
    );
    expect((await h.say("chris", "/agenda")).text).not.toContain("waiting for a chair's answer");
    // And the papers messages already sent show it.
    expect(h.gateway.updated.filter((u) => u.address === "test:kim").at(-1)?.text).toContain(
      "Parking at the hospital",
    );
    // A second click changes nothing.
    const again = await click(h, "chris", button(h, "chris", "Accept"));
    expect(textOf(again)).toContain("Chris has already accepted");
  });

  it("lets the chair decline with a reason, which the member is told", async () => {
    await withMeeting();
    await h.say("sam", "/agenda suggest Parking at the hospital");
    await h.bot.deliver();
    const opened = await click(h, "chris", button(h, "chris", "Decline"));
    expect(formOf(opened).title).toBe("Decline the suggestion");
    const done = await submit(h, "chris", opened, { reason: "We covered it last month" });
    expect(textOf(done)).toContain("I've let Sam know you declined it, and why.");
    await h.bot.deliver();
    const toSam = h.gateway.to("test:sam").at(-1);
    expect(toSam?.text).toContain("Chris has decided not to put it on the agenda for M-1");
    expect(toSam?.text).toContain('Their reason: "We covered it last month"');
    expect((await h.say("sam", "/agenda")).text).not.toContain("Parking");
  });

  it("tells the member when the chair declines without a reason", async () => {
    await withMeeting();
    await h.say("sam", "/agenda suggest Parking at the hospital");
    await h.bot.deliver();
    const opened = await click(h, "chris", button(h, "chris", "Decline"));
    await submit(h, "chris", opened, {});
    await h.bot.deliver();
    expect(h.gateway.to("test:sam").at(-1)?.text).toContain("They didn't give a reason");
    // The decision is final: Accept after a decline changes nothing.
    const late = await click(h, "chris", button(h, "chris", "Accept"));
    expect(textOf(late)).toContain("already declined");
  });

  it("refuses the buttons to anyone but a chair", async () => {
    await withMeeting();
    await h.say("sam", "/agenda suggest Parking at the hospital");
    await h.bot.deliver();
    const accept = button(h, "chris", "Accept");
    const byKim = await click(h, "kim", accept);
    expect(textOf(byKim)).toContain("Only a chair can accept or decline");
    expect((await h.say("kim", "/agenda")).text).not.toContain("Parking");
  });

  it("refuses an empty or too-long suggestion, and one with no chair to send it to", async () => {
    await withMeeting();
    expect((await h.say("sam", "/agenda suggest")).error).toBe("agenda.suggest");
    expect((await h.say("sam", `/agenda suggest ${"y".repeat(301)}`)).error).toBe("text.too-long");
    expect((await h.say("chris", "/agenda suggest Something")).error).toBe("agenda.no-chair");
  });
});
