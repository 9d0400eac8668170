import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOn, inputsOn, shown, shownIn, teamsFlowDriver, the } from "../helpers/teams-flow-driver.ts";
import {
  CHANNEL,
  chatOf,
  installForAll,
  PEOPLE,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

// The same people as the Slack tests: Kim coordinates, Chris chairs, Sam and Lee are members.
// Every message goes in and out through the real CloudAdapter over HTTP; what the bot "sends"
// is what the stand-in Bot Connector received.

const HOUR = 3_600_000;

let h: TeamsHarness;
let d: ReturnType<typeof teamsFlowDriver>;

beforeEach(async () => {
  h = await startTeamsHarness();
  await installForAll(h);
  await seedTeamsGroup(h);
  d = teamsFlowDriver(h);
});
afterEach(async () => {
  await h.close();
});

/** The workstream's people by store id, for checking what was recorded. */
const personId = (who: keyof typeof PEOPLE) => h.store.people.byKey(`teams:${PEOPLE[who].id}`)?.id ?? -1;

describe("the check-in on Teams, whole", () => {
  it("opens when the chair ends the meeting, is answered card by card with forms, sends support to the coordinator only, and keeps an anonymous member's name from the chair", async () => {
    await d.inChannel("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review");
    h.clock.advance(1.5 * HOUR); // 11:30, the meeting is on
    const ended = await d.inChannel("chris", "meeting end");
    expect(ended.conversationId).toBe(chatOf("chris"));
    expect(ended.text).toContain("M-1 (**Budget review**) is marked as ended.");
    await h.bot.deliver();

    const checkIns = h.connector
      .messages()
      .filter((c) => String(c.body.summary).includes("a short check-in after Budget review"));
    // Every member but the chair, each in their own 1:1 chat; nothing in the channel.
    expect(checkIns.map((c) => c.conversationId).sort()).toEqual([
      chatOf("kim"),
      chatOf("lee"),
      chatOf("sam"),
    ]);
    expect(checkIns.every((c) => c.kind === "send")).toBe(true);
    const original = d.card(the(checkIns.find((c) => c.conversationId === chatOf("sam"))));

    let screen = await d.click("sam", original, "Yes, I was there");
    expect(shown(screen)).toContain("Question 2 of 7");
    // A second click on the first card (a new invoke, as from a second tap) records nothing more.
    screen = await d.click("sam", original, "Yes, I was there");
    expect(shown(screen)).toContain("Question 2 of 7");
    screen = await d.click("sam", screen, "Partly");
    expect(shown(screen)).toContain("Question 3 of 7");
    screen = await d.click("sam", screen, "No");
    expect(shown(screen)).toContain("Question 4 of 7");

    // "Write something" turns the card into a form; sending it moves on.
    const commentForm = await d.click("sam", screen, "Write something");
    expect(inputsOn(commentForm).map((i) => i.id)).toEqual(["field_comment"]);
    expect(shown(commentForm)).toContain("Anything you would like the chair to know?");
    screen = await d.submit("sam", commentForm, { comment: "Too many acronyms" });
    expect(shown(screen)).toContain("Question 5 of 7");

    screen = await d.click("sam", screen, "Yes, please");
    expect(shown(screen)).toContain("Question 6 of 7");
    const supportForm = await d.click("sam", screen, "Yes, ask for support");
    const kind = inputsOn(supportForm).find((i) => i.id === "field_kind");
    expect(kind?.type).toBe("Input.ChoiceSet");
    expect(kind?.choices?.map((c) => c.value)).toContain("accessibility");
    screen = await d.submit("sam", supportForm, { kind: "accessibility", need: "Papers in large print" });
    expect(shown(screen)).toContain("Question 7 of 7");

    screen = await d.click("sam", screen, "Answer anonymously");
    expect(shown(screen)).toContain(
      "Thanks, Sam Jones — that's everything. You answered anonymously: your answers are kept with no link to you",
    );
    // The last card is a record: nothing left to press.
    expect(buttonsOn(screen)).toEqual([]);

    // One answer was recorded for Sam, however many clicks Teams delivered.
    const ws = h.store.workstreams.all()[0];
    const meeting = h.store.meetings.bySeq(ws?.id ?? -1, 1);
    expect(meeting?.status).toBe("ended");
    const checkIn = h.store.checkIns.byMeeting(meeting?.id ?? -1);
    const answers = h.store.checkIns.answers(checkIn?.id ?? -1).filter((a) => a.completedAt);
    expect(answers).toHaveLength(1);
    // Sam's row says only that Sam answered; the answers are kept apart, tied to no one.
    expect(answers[0]).toMatchObject({
      personId: personId("sam"),
      attended: null,
      spoke: null,
      listened: null,
      comment: null,
      oneToOne: null,
      wantsSupport: null,
      anonymous: true,
    });
    expect(h.store.checkIns.anonymousAnswers(checkIn?.id ?? -1)).toEqual([
      {
        checkInId: checkIn?.id,
        group: "other",
        attended: "yes",
        spoke: "partly",
        listened: "no",
        comment: "Too many acronyms",
        oneToOne: "yes",
      },
    ]);

    // The support need went at once, privately, to the coordinator's 1:1 chat only.
    await h.bot.deliver();
    const support = d.sentAnywhere("Papers in large print");
    expect(support.map((c) => c.conversationId)).toEqual([chatOf("kim")]);
    expect(shownIn(the(support[0]))).toContain(
      "Sam Jones in **Medication safety** has asked for accessibility support (S-1)",
    );

    // The chair, in the 1:1 chat: who has answered (not what), then the summary without Sam's name.
    const status = await d.inChat("chris", "checkin status");
    expect(status.conversationId).toBe(chatOf("chris"));
    expect(status.text).toContain("1 of 3 have answered");
    const summary = await d.inChat("chris", "checkin summary");
    expect(summary.text).toContain("is still open: 1 of 3 members have answered");
    // While it is open the chair sees how many have answered, nothing of what.
    expect(summary.text).not.toContain("Attended:");
    expect(summary.text).not.toContain("Too many acronyms");
    expect(summary.text).not.toContain("Papers in large print");
    expect(summary.text).not.toContain("S-1");
    expect(JSON.stringify(summary.call.body)).not.toContain("Sam");

    // The coordinator sees the request in the support list, with the name.
    const list = await d.inChat("kim", "support list");
    expect(list.text).toContain(
      'S-1 (accessibility, Tuesday 8 December): "Papers in large print" — Sam Jones',
    );
  });

  it("answers the chair's check-in summary privately even when asked in the channel (PRODUCT.md §6: other members never see check-in answers)", async () => {
    await d.inChannel("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review");
    h.clock.advance(1.5 * HOUR);
    await d.inChannel("chris", "meeting end");
    await h.bot.deliver();
    const sams = h.connector
      .messagesTo(chatOf("sam"))
      .find((c) => String(c.body.summary).includes("a short check-in after Budget review"));
    let screen = await d.click("sam", d.card(the(sams)), "Yes, I was there");
    screen = await d.click("sam", screen, "Fully");
    screen = await d.click("sam", screen, "No");
    const form = await d.click("sam", screen, "Write something");
    screen = await d.submit("sam", form, { comment: "The agenda was too rushed" });
    screen = await d.click("sam", screen, "No, thanks");
    screen = await d.click("sam", screen, "No, thanks");
    screen = await d.click("sam", screen, "Share my name");
    expect(shown(screen)).toContain("that's everything");

    // Once it has closed, Chris asks in the channel, as the Slack test does (where the answer
    // is ephemeral).
    h.clock.advance(73 * HOUR);
    await h.bot.tick();
    const before = h.connector.calls.length;
    const asked = d.channelActivity("chris", "checkin summary");
    expect((await h.post(asked)).status).toBe(200);
    const answer = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before &&
        (c.conversationId === chatOf("chris") || c.conversationId === asked.conversation.id),
    );
    // The summary (named comments and all) must reach Chris alone: the 1:1 chat, not the
    // channel thread every member of the team can read.
    expect(shownIn(answer)).toContain("The agenda was too rushed");
    expect(answer.conversationId).toBe(chatOf("chris"));
    const inChannel = h.connector.calls
      .slice(before)
      .filter((c) => c.conversationId?.startsWith(CHANNEL) && (c.kind === "reply" || c.kind === "send"));
    expect(inChannel.map(shownIn).join("\n")).not.toContain("The agenda was too rushed");
  });
});

describe("dissent on Teams", () => {
  it("a chair records a member's view with an <at> mention; the member edits it in a form; the channel and the list show the history", async () => {
    const recorded = await d.inChannel("chris", "dissent <at>Sam</at> We should wait for the audit", {
      sam: "Sam",
    });
    expect(recorded.text).toContain("D-1 is recorded");
    await h.bot.deliver();

    // Only Sam is asked, privately, in the 1:1 chat.
    const asked = d.sentAnywhere("Is this a fair record of your view?");
    expect(asked.map((c) => c.conversationId)).toEqual([chatOf("sam")]);
    const dm = the(asked[0]);
    expect(shownIn(dm)).toContain(
      'Chris Lee recorded your view: "We should wait for the audit". Is this a fair record of your view?',
    );
    // The mention became Sam's Teams identity: the dissent is Sam's, not a new person called "Sam".
    const ws = h.store.workstreams.all()[0];
    const [dissent] = h.store.dissent.list(ws?.id ?? -1);
    expect(dissent?.memberId).toBe(personId("sam"));

    // The record is posted to the team channel itself (a new message, not a thread reply).
    const record = d.sentTo(CHANNEL, "(D-1)");
    expect(record).toHaveLength(1);
    expect(shownIn(the(record[0]))).toContain("Chris Lee recorded Sam Jones's view (D-1)");

    // Edit the wording: a form pre-filled with the view; sending it updates the record.
    const form = await d.click("sam", d.card(dm), "Edit the wording");
    const view = inputsOn(form).find((i) => i.id === "field_view");
    expect(view?.value).toBe("We should wait for the audit");
    const saved = await d.submit("sam", form, { view: "We should wait for the external audit" });
    expect(shown(saved)).toContain('D-1 now reads: "We should wait for the external audit"');
    await h.bot.deliver();
    const edited = d.sentTo(CHANNEL, "changed the wording");
    expect(edited).toHaveLength(1);
    expect(shownIn(the(edited[0]))).toContain(
      'Sam Jones changed the wording of D-1. It now reads: "We should wait for the external audit" (it was: "We should wait for the audit").',
    );

    // Any member can list the register, with the history.
    const list = await d.inChat("lee", "dissent list");
    expect(list.text).toContain("Sam Jones's view, confirmed");
    expect(list.text).toContain('Wording changed by Sam Jones (it was: "We should wait for the audit")');
  });
});

describe("parking on Teams", () => {
  it("refuses a member privately, naming /dissent; parks for the chair with revisit and owner; lists it; needs an outcome to resolve", async () => {
    const refused = await d.inChannel("lee", "park Transport costs");
    // Refusals are private: Lee's 1:1 chat, not the channel thread.
    expect(refused.conversationId).toBe(chatOf("lee"));
    expect(refused.text).toContain(
      "Only the chair or coordinator can park an issue. You can record your own view with `/dissent your view`.",
    );
    const ws = h.store.workstreams.all()[0];
    expect(h.store.parking.open(ws?.id ?? -1)).toHaveLength(0);

    const parked = await d.inChannel(
      "chris",
      `park Transport costs revisit 2027-01-12 owner <at>${PEOPLE.lee.name}</at>`,
      { lee: PEOPLE.lee.name },
    );
    expect(parked.text).toContain("P-1 is parked: **Transport costs**. Owner: Lee Park.");
    expect(parked.text).toContain("Revisit: Tuesday 12 January.");

    const listed = await d.inChat("lee", "parked");
    expect(listed.text).toContain("P-1 **Transport costs** — owner Lee Park");

    const noOutcome = await d.inChat("chris", "parked resolve P-1");
    expect(noOutcome.text).toContain("Please add the outcome after the number");
    expect((await d.inChat("lee", "parked")).text).toContain("P-1 **Transport costs**");

    const resolved = await d.inChat("chris", "parked resolve P-1 Carers get bus fares paid");
    expect(resolved.text).toContain(
      "P-1 (**Transport costs**) is resolved. The outcome is on the record: Carers get bus fares paid",
    );
    expect((await d.inChat("lee", "parked")).text).not.toContain("P-1 **Transport costs** — owner");
  });
});

describe("one-to-ones and the digest on Teams", () => {
  it("a member's request reaches the chair's 1:1 chat, comes first in the chair's list, and is cleared by logging one", async () => {
    // Seven weeks on, Sam and Lee are both overdue (one every 42 days): Sam asked, so Sam is first.
    h.clock.advance(50 * 24 * HOUR);
    const asked = await d.inChat("sam", "onetoone request");
    expect(asked.text).toContain("I've let the chair of **Medication safety** know");
    await h.bot.deliver();
    const told = d.sentAnywhere("asked for a one-to-one");
    expect(told.map((c) => c.conversationId)).toEqual([chatOf("chris")]);
    expect(told[0]?.kind).toBe("send");
    expect(shownIn(the(told[0]))).toContain("Sam Jones asked for a one-to-one");

    const list = await d.inChat("chris", "onetoone");
    expect(list.conversationId).toBe(chatOf("chris"));
    const bullets = list.text.split("\n").filter((l) => l.startsWith("• "));
    expect(bullets).toEqual([
      expect.stringContaining("**Sam Jones** asked for one on Wednesday 27 January."),
      expect.stringContaining("**Lee Park** — No one-to-one yet."),
    ]);

    const logged = await d.inChat("chris", `onetoone <at>${PEOPLE.sam.name}</at>`, ["sam"]);
    expect(logged.text).toContain("Logged: a one-to-one with Sam Jones today");
    expect(logged.text).toContain("Their request for one is now cleared");
    const after = (await d.inChat("chris", "onetoone")).text;
    expect(after).not.toContain("asked for one on");
    expect(after).toContain("1 overdue.");
    expect(after).toContain("**Sam Jones** — Last one: Wednesday 27 January. Next due Wednesday 10 March.");
    expect(after).toContain("**Lee Park** — No one-to-one yet.");
  });

  it("sends the digest to the coordinator's 1:1 chat on `digest now`, and refuses it to the chair", async () => {
    await d.inChannel("chris", "meeting schedule 2026-12-15 14:00 Budget review");
    await d.inChat("sam", "onetoone request");
    await d.inChat("lee", "support Papers in large print, please");
    await d.inChannel("chris", "park Transport costs revisit 2026-12-09");
    await h.bot.deliver();

    const before = h.connector.calls.length;
    const reply = await d.inChannel("kim", "digest now");
    expect(reply.text).toContain("I've sent you the digest for **Medication safety** in a direct message.");
    await h.bot.deliver();
    const digests = d.since(before, chatOf("kim")).filter((c) => shownIn(c).includes("here is your digest"));
    expect(digests).toHaveLength(1);
    const digest = shownIn(the(digests[0]));
    expect(digest).toContain("Hi Kim Patel — here is your digest for **Medication safety**");
    expect(digest).toContain("Meetings in the next 14 days");
    expect(digest).toContain("M-1 **Budget review**");
    expect(digest).toContain("One-to-ones");
    expect(digest).toContain("1 member asked for one and is waiting.");
    expect(digest).toContain("Parked items to come back to");
    expect(digest).toContain("P-1 **Transport costs**: set to come back to on Wednesday 9 December.");
    expect(digest).toContain("Open support requests");
    expect(digest).toContain("S-1: Lee Park asked for ");
    // Nobody else got it.
    expect(d.sentAnywhere("here is your digest").map((c) => c.conversationId)).toEqual([chatOf("kim")]);

    const chair = await d.inChannel("chris", "digest now");
    expect(chair.conversationId).toBe(chatOf("chris"));
    expect(chair.text).toContain("Only a coordinator can");
    await h.bot.deliver();
    expect(d.sentAnywhere("here is your digest")).toHaveLength(1);
  });
});
