import { afterEach, describe, expect, it } from "vitest";
import type { Button, Message } from "../../src/messages/message.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;

/** The digests `who` has been sent. */
const digestsTo = (who: string) =>
  h.gateway.to(`test:${who}`).filter((s) => s.text.includes("here is your digest"));
afterEach(() => h?.cleanup());

const SERVICE_USERS = ["sam", "ann", "bob"];

function buttons(m: Message): Button[] {
  return m.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : []));
}

/** Answers `who`'s check-in by clicking its buttons: there, spoke fully, `listened`, then defaults. */
async function answerCheckIn(h: Harness, who: string, listened: "yes" | "partly" | "no") {
  const invite = [...h.gateway.to(`test:${who}`)]
    .reverse()
    .find((s) => buttons(s.message).some((b) => b.action === "checkin.answer"));
  if (!invite) throw new Error(`no check-in for ${who}`);
  let current = invite.message;
  const wanted: Record<string, string> = { "1": "yes", "2": "fully", "3": listened, "5": "no" };
  for (let i = 0; i < 8; i++) {
    const next = buttons(current).filter((b) => b.action === "checkin.answer");
    if (next.length === 0) return;
    const step = next[0]?.value.split(":")[1] ?? "";
    const button = next.find((b) => b.value.endsWith(`:${wanted[step]}`)) ?? next[0];
    const result = h.bot.action({
      platform: "test",
      actor: h.person(who),
      action: "checkin.answer",
      value: button?.value ?? "",
    });
    if (result.kind !== "update") return;
    current = result.message;
  }
}

/** Clicks on the day-before reminder: "I'll be there", or "I can't make it" and sends the form. */
function attendance(h: Harness, who: string, meetingId: number, coming: boolean) {
  const actor = h.person(who);
  if (coming)
    h.bot.action({ platform: "test", actor, action: "meeting.attending", value: String(meetingId) });
  else
    h.bot.action({
      platform: "test",
      actor,
      action: "meeting.apologies-sent",
      value: String(meetingId),
      fields: {},
    });
}

async function runUntil(h: Harness, at: string) {
  const end = new Date(at).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(Math.min(3_600_000, end - h.clock.now().getTime()));
    await h.bot.tick();
  }
}

// Six fortnightly meetings from November 2026 to January 2027 (Thursdays, 2pm London), with
// attendance, check-ins, one-to-ones, parked items, papers and a support request.
const MEETINGS = ["2026-11-05", "2026-11-19", "2026-12-03", "2026-12-17", "2027-01-07", "2027-01-21"];
// The share of service users who felt listened to, meeting by meeting (yes answers of 3).
const SERVICE_USER_YES = [1, 2, 3, 2, 3, 3];

async function seededHistory() {
  h = createHarness({ start: "2026-10-20T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/workstream add <@ann|Ann> <@bob|Bob> as service-user");
  await h.say("cora", "/workstream add <@cody|Cody>");
  await h.say("cora", "/workstream role <@cody|Cody> coordinator");
  await h.say("chris", "/park Paying members for their time");
  for (const [i, day] of MEETINGS.entries()) {
    const booked = await h.say("chris", `/meeting schedule ${day} 14:00 Meeting ${i + 1}`);
    expect(booked.error).toBeUndefined();
    await runUntil(h, `${day}T12:00:00Z`);
    const id = i + 1;
    for (const who of [...SERVICE_USERS, "kim"]) attendance(h, who, id, true);
    attendance(h, "lee", id, i < 4); // Lee can't come to the last two
    await runUntil(h, `${day}T16:05:00Z`); // ended: the check-in opens
    const yes = SERVICE_USER_YES[i] ?? 0;
    for (const [n, who] of SERVICE_USERS.entries()) await answerCheckIn(h, who, n < yes ? "yes" : "no");
    if (i < 4) await answerCheckIn(h, "kim", "partly"); // Kim stops answering
    h.gateway.clear();
  }
  await h.say("chris", "/onetoone <@sam|Sam> on 2026-12-15");
  await h.say("chris", "/onetoone <@ann|Ann> on 2027-01-10");
  await h.say("bob", "/onetoone request");
  await h.say("chris", "/park Transport to meetings revisit 2027-01-27");
  await h.say("sam", "/support practical A taxi to the next meeting, please");
  await h.say("chris", "/meeting schedule 2027-01-28 14:00 Meeting 7");
  await h.say("chris", "/meeting schedule 2027-02-25 14:00 Meeting 8");
  await runUntil(h, "2027-01-24T10:00:00Z");
  await h.say("chris", "/papers add M-7 https://example.org/plan.pdf Draft plan");
  await h.bot.deliver();
  h.gateway.clear();
}

describe("the coordinator digest", () => {
  it("arrives at the scheduled minute with the right numbers in every section", async () => {
    await seededHistory();
    // Monday 25 January 2027, 9am in London (GMT): step up to it five minutes at a time.
    await runUntil(h, "2027-01-25T08:55:00Z");
    expect(digestsTo("cora")).toHaveLength(0);
    h.clock.set("2027-01-25T09:00:00Z");
    await h.bot.tick();
    const digest = digestsTo("cora");
    expect(digest).toHaveLength(1);
    const text = digest[0]?.text ?? "";
    expect(text).toContain("Meetings in the next 14 days");
    expect(text).toContain("M-7 *Meeting 7*, Thursday 28 January, 2pm. 1 paper, sent late. 8 not read yet.");
    expect(text).not.toContain("Meeting 8");
    expect(text).toContain("Check-ins");
    // Seven were invited; the three service users answered (Kim stopped, Lee never did).
    expect(text).toContain("M-6 *Meeting 6*: 3 of 7 answered (43%), closed.");
    expect(text).not.toContain("M-5 *Meeting 5*:"); // closed more than a week ago
    expect(text).toContain("Said they couldn't come to the last two meetings: Lee.");
    expect(text).toContain("Didn't answer the last two check-ins: Kim and Lee.");
    expect(text).toContain("3 of 5 members are due a one-to-one with a chair (3 have never had one).");
    expect(text).toContain("1 member asked for one and is waiting.");
    expect(text).toContain("P-2 *Transport to meetings*: set to come back to on Wednesday 27 January.");
    expect(text).toContain(
      "P-1 *Paying members for their time*: parked 96 days ago, with no date to come back to it.",
    );
    expect(text).toContain("S-1: Sam asked for practical support on ");
    // Kim, the one carer, answered "partly" at the first four. Everyone's rate beside the
    // service users' would tell what she said, so at those meetings there are no groups.
    expect(text).toContain("Everyone: ▃▅▇▅██ — at the latest, 3 of 3 said yes (100%).");
    expect(text).toContain("service users: ····██ — at the latest, 100%.");
    expect(text).not.toContain("carer:");
  });

  it("gives each coordinator their own copy, and never shows a chair the support requests", async () => {
    await seededHistory();
    await runUntil(h, "2027-01-25T09:00:00Z");
    await runUntil(h, "2027-01-25T12:00:00Z");
    expect(digestsTo("cora")).toHaveLength(1);
    expect(digestsTo("cody")).toHaveLength(1);
    expect(digestsTo("cody")[0]?.text).toContain("Hi Cody");
    expect(digestsTo("chris")).toHaveLength(0);
    const toChris = h.gateway.to("test:chris").map((s) => s.text);
    expect(toChris.some((t) => t.includes("Bob* asked for one"))).toBe(true); // the chair's weekly list
    expect(toChris.join("\n")).not.toMatch(/Open support requests|taxi|S-1/i);
  });

  it("leaves out a section with nothing in it, and sends at once on /digest now", async () => {
    await seededHistory();
    await h.say("cora", "/support done S-1");
    await h.say("chris", "/parked resolve P-2 Council will fund taxis");
    h.gateway.clear();
    const reply = await h.say("cora", "/digest now");
    expect(reply.text).toContain("I've sent you the digest");
    await h.bot.deliver();
    const text = digestsTo("cora")[0]?.text ?? "";
    expect(text).toContain("One-to-ones");
    expect(text).not.toContain("Open support requests");
    expect(text).not.toContain("Transport to meetings");
    expect(text).toContain("Paying members for their time");
    const chair = await h.say("chris", "/digest now");
    expect(chair.error).toBe("permission.denied");
  });

  it("says there is nothing to report for a quiet new workstream", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    const reply = await h.say("cora", "/digest now");
    expect(reply.text).toContain("Nothing in *Medication safety* needs your attention right now");
    h.clock.set("2026-12-07T09:00:00Z");
    await h.bot.tick();
    expect(digestsTo("cora")).toHaveLength(0);
  });
});

/** Steps the clock in 5-minute steps, ticking each time; returns when each digest arrived. */
async function digestTimes(from: string, to: string, who = "cora"): Promise<string[]> {
  const times: string[] = [];
  h.clock.set(from);
  while (h.clock.now().getTime() <= new Date(to).getTime()) {
    const before = digestsTo(who).length;
    await h.bot.tick();
    if (digestsTo(who).length > before) times.push(h.clock.now().toISOString());
    h.clock.advance(5 * 60_000);
  }
  return times;
}

async function groupWithMeetingSoon(start: string, meeting: string) {
  h = createHarness({ start });
  await seedGroup(h);
  await h.say("chris", `/meeting schedule ${meeting} Planning`);
}

describe("when the digest goes", () => {
  it("goes at 9am London time, once, on the Monday after the spring clock change", async () => {
    await groupWithMeetingSoon("2027-03-26T10:00:00Z", "2027-04-01 14:00");
    // Clocks go forward on Sunday 28 March 2027: Monday 9am is 08:00 UTC.
    expect(await digestTimes("2027-03-27T00:00:00Z", "2027-03-29T14:00:00Z")).toEqual([
      "2027-03-29T08:00:00.000Z",
    ]);
  });

  it("goes at 9am London time, once, on the Monday after the autumn clock change", async () => {
    await groupWithMeetingSoon("2027-10-29T10:00:00Z", "2027-11-04 14:00");
    // Clocks go back on Sunday 31 October 2027: Monday 9am is 09:00 UTC.
    expect(await digestTimes("2027-10-30T00:00:00Z", "2027-11-01T14:00:00Z")).toEqual([
      "2027-11-01T09:00:00.000Z",
    ]);
  });

  it("goes once even when its minute happens twice as the clocks go back", async () => {
    await groupWithMeetingSoon("2027-10-29T10:00:00Z", "2027-11-04 14:00");
    await h.say("cora", "/workstream set quiet-weekends off");
    await h.say("cora", "/workstream set quiet-hours off");
    await h.say("cora", "/workstream set digest 30 1 * * 0");
    // 01:30 on Sunday 31 October happens at 00:30 UTC (summer time) and again at 01:30 UTC.
    expect(await digestTimes("2027-10-30T22:00:00Z", "2027-10-31T06:00:00Z")).toEqual([
      "2027-10-31T00:30:00.000Z",
    ]);
  });

  it("sends a digest missed while the bot was down once it is back, but not a stale one", async () => {
    await groupWithMeetingSoon("2026-12-01T10:00:00Z", "2026-12-10 14:00");
    h.clock.set("2026-12-07T11:00:00Z"); // back two hours after Monday's 9am
    await h.bot.tick();
    expect(digestsTo("cora")).toHaveLength(1);
    h.clock.set("2026-12-14T16:00:00Z"); // seven hours late: too old to send
    await h.bot.tick();
    expect(digestsTo("cora")).toHaveLength(1);
  });

  it("follows /workstream set digest, as a cron expression or a day and time", async () => {
    await groupWithMeetingSoon("2026-12-01T10:00:00Z", "2026-12-10 14:00");
    await h.say("chris", "/meeting schedule 2026-12-17 14:00 Review");
    const cron = await h.say("cora", "/workstream set digest 0 9 * * 1");
    expect(cron.error).toBeUndefined();
    expect(await digestTimes("2026-12-06T12:00:00Z", "2026-12-07T12:00:00Z")).toEqual([
      "2026-12-07T09:00:00.000Z",
    ]);
    await h.say("cora", "/workstream set digest tue 14:30");
    expect(await digestTimes("2026-12-14T00:00:00Z", "2026-12-15T18:00:00Z")).toEqual([
      "2026-12-15T14:30:00.000Z",
    ]);
    const bad = await h.say("cora", "/workstream set digest someday");
    expect(bad.error).toBe("setting.invalid");
  });
});
