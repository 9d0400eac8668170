import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { type SlackStep, slackCheckInDriver } from "../helpers/slack-check-in-driver.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

/**
 * The attacks a careful chair or coordinator could make on anonymous check-in answers
 * (PRODUCT.md §15), each made the way they would make it: slash commands and button clicks
 * through the real Slack receiver. Each must find nothing.
 */

const USERS = {
  U1: { name: "Cora Bell" }, // coordinator
  U3: { name: "Chris Lee" }, // chair
  UA: { name: "Aaron Ash" }, // service users
  UB: { name: "Beth Birch" },
  UC: { name: "Cara Cole" },
  UD: { name: "Dan Dale" }, // the one carer
  UE: { name: "Eve Elm" }, // officials
  UF: { name: "Fay Fox" },
  UG: { name: "Gus Gray" },
};
const HOUR = 3_600_000;

const NAMED: SlackStep[] = [
  "Yes, I was there",
  "Fully",
  "Yes",
  "Nothing to add",
  "No, thanks",
  "No, thanks",
  "Share my name",
];
const anonymous = (comment: string, spoke = "Not really", listened = "No"): SlackStep[] => [
  "Yes, I was there",
  spoke,
  listened,
  { comment },
  "No, thanks",
  "No, thanks",
  "Answer anonymously",
];

let h: SlackHarness;
let drive: ReturnType<typeof slackCheckInDriver>;
const chair = (text: string) => runCommand(h, { user: "U3", channel: "C1", command: "/checkin", text });

beforeEach(async () => {
  h = await startSlackHarness({ users: USERS });
  await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
  await runCommand(h, { user: "U1", command: "/workstream", text: "add <@UA> <@UB> <@UC> as service-user" });
  await runCommand(h, { user: "U1", command: "/workstream", text: "add <@UD> as carer" });
  await runCommand(h, { user: "U1", command: "/workstream", text: "add <@UE> <@UF> <@UG> as official" });
  await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U3>" });
  await runCommand(h, { user: "U1", command: "/workstream", text: "role <@U3> chair" });
  await runCommand(h, {
    user: "U3",
    command: "/meeting",
    text: "schedule 2026-12-08 11:00 for 1h Budget review",
  });
  h.clock.advance(1.5 * HOUR);
  await runCommand(h, { user: "U3", command: "/meeting", text: "end" });
  await h.bot.deliver();
  drive = slackCheckInDriver(h);
});
afterEach(async () => {
  await h.close();
});

/** Closes the check-in (72 hours on) and returns the summary the chair was sent. */
async function closeAndReadSummary(): Promise<string> {
  h.clock.advance(73 * HOUR);
  await h.bot.tick();
  await h.bot.deliver();
  const sent = h.api
    .accepted("chat.postMessage")
    .filter((c) => c.body.channel === "DU3" && textOf(c).includes("has closed"));
  expect(sent).toHaveLength(1);
  return textOf(sent[0] as (typeof sent)[number]);
}

describe("a chair trying to work out an anonymous answer, through Slack", () => {
  it("learns nothing by comparing status and summary before and after one more person answers", async () => {
    for (const u of ["UA", "UB", "UC"]) await drive.answer(u, NAMED);
    const status1 = await chair("status");
    const summary1 = await chair("summary");
    await drive.answer("UD", anonymous("the carers were talked over"));
    const status2 = await chair("status");
    const summary2 = await chair("summary");
    // Status names the new person, as it should: it says who answered, never what.
    const answered = (status: string) => status.slice(status.indexOf("Answered"), status.indexOf("Not yet"));
    expect(answered(status2)).toContain("Dan Dale");
    expect(answered(status1)).not.toContain("Dan Dale");
    // The summary only counts while it is open: the one change is the number who answered.
    expect(summary1).toContain("3 of 8 members have answered");
    expect(summary2).toContain("4 of 8 members have answered");
    expect(summary2.replace(/\d+/g, "#")).toBe(summary1.replace(/\d+/g, "#"));
    for (const s of [summary1, summary2]) {
      expect(s).not.toMatch(/Attended:|Felt listened to:|Able to say/);
      expect(s).not.toContain("talked over");
      expect(s).not.toContain('Anonymous: "');
    }
  });

  it("can't take the named answers from the total: one anonymous answer among named ones is held back", async () => {
    for (const u of ["UA", "UB", "UC"]) await drive.answer(u, NAMED);
    await drive.answer("UD", anonymous("the carers were talked over"));
    const summary = await closeAndReadSummary();
    expect(summary).toContain("4 of 8 members answered");
    expect(summary).toContain("1 answer is not shown yet, so that no one can tell who gave it.");
    // Dan alone said "not really" and "no": neither figure holds it.
    expect(summary).toContain("Able to say what they wanted: fully 3, partly 0, not really 0");
    expect(summary).toContain("Felt listened to: yes 3, partly 0, no 0");
    expect(summary).not.toContain("talked over");
    expect(summary).not.toContain('Anonymous: "');
    expect(summary).not.toContain("Dan");
  });

  it("can't use a group breakdown either: a group's one anonymous answer is folded in with the rest", async () => {
    // Three officials by name; three service users and the carer anonymously.
    for (const u of ["UE", "UF", "UG"]) await drive.answer(u, NAMED);
    await drive.answer("UA", anonymous("more breaks please", "Partly", "Partly"));
    await drive.answer("UB", anonymous("the papers came late", "Partly", "Yes"));
    await drive.answer("UC", anonymous("good meeting", "Fully", "Yes"));
    await drive.answer("UD", anonymous("the carers were talked over"));
    const summary = await closeAndReadSummary();
    // Four anonymous answers count in the totals...
    expect(summary).toContain("Felt listened to: yes 5, partly 1, no 1");
    // ...but "service-user" beside the total would leave the carer's "no" as the rest, and a
    // service-user group of 3 anonymous answers plus the carer's 1 would still let the
    // carer's be worked out from the officials: the officials are shown, the rest together.
    expect(summary).toContain("officials (3): yes 3, partly 0, no 0");
    expect(summary).toContain("other groups (4): yes 2, partly 1, no 1");
    expect(summary).not.toContain("carers (");
    expect(summary).not.toContain("service users (");
    // The anonymous comments are all there, without names.
    for (const c of [
      "more breaks please",
      "the papers came late",
      "good meeting",
      "the carers were talked over",
    ])
      expect(summary).toContain(`Anonymous: "${c}"`);
  });
});

describe("a coordinator reading the digest, through Slack", () => {
  it("can't tell the one carer's answer from everyone's beside the service users'", async () => {
    for (const u of ["UA", "UB", "UC"]) await drive.answer(u, NAMED);
    await drive.answer("UD", anonymous("the carers were talked over"));
    await closeAndReadSummary();
    const digest = await runCommand(h, { user: "U1", channel: "C1", command: "/digest", text: "now" });
    await h.bot.deliver();
    const sent = h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === "DU1" && textOf(c).includes("Felt listened to"));
    const text = [digest, ...sent.map(textOf)].join("\n");
    expect(text).toContain("Felt listened to");
    expect(text).toContain("3 of 4 said yes");
    // "service-user: 100%" here would say the carer didn't.
    expect(text).not.toMatch(/service(-user| users):[^\n]*100%/);
    expect(text).not.toMatch(/carers?:/);
  });
});
