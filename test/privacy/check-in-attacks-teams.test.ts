import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shown, shownIn, teamsFlowDriver, the } from "../helpers/teams-flow-driver.ts";
import {
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
  type Who,
} from "../helpers/teams-harness.ts";

/**
 * The same attacks as check-in-attacks-slack.test.ts, through the real CloudAdapter: the rule
 * lives in the core, and the Adaptive Card renderer must follow it too.
 */

const HOUR = 3_600_000;
let h: TeamsHarness;
let d: ReturnType<typeof teamsFlowDriver>;

beforeEach(async () => {
  h = await startTeamsHarness();
  await installForAll(h);
  await seedTeamsGroup(h);
  d = teamsFlowDriver(h);
  await d.inChannel("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review");
  h.clock.advance(1.5 * HOUR);
  await d.inChannel("chris", "meeting end");
  await h.bot.deliver();
});
afterEach(async () => {
  await h.close();
});

async function answer(
  who: Who,
  listened: string,
  comment: string,
  name: "Share my name" | "Answer anonymously",
) {
  const card = h.connector
    .messagesTo(chatOf(who))
    .find((c) => String(c.body.summary).includes("a short check-in after Budget review"));
  let screen = await d.click(who, d.card(the(card)), "Yes, I was there");
  screen = await d.click(who, screen, listened === "No" ? "Not really" : "Fully");
  screen = await d.click(who, screen, listened);
  const form = await d.click(who, screen, "Write something");
  screen = await d.submit(who, form, { comment });
  screen = await d.click(who, screen, "No, thanks");
  screen = await d.click(who, screen, "No, thanks");
  screen = await d.click(who, screen, name);
  expect(shown(screen)).toContain("that's everything");
}

describe("a chair on Teams trying to work out an anonymous answer", () => {
  it("sees only how many have answered while it is open", async () => {
    await answer("kim", "Yes", "a good meeting", "Share my name");
    await answer("lee", "Yes", "thanks all", "Share my name");
    const before = await d.inChat("chris", "checkin summary");
    await answer("sam", "No", "nobody listened to me", "Answer anonymously");
    const after = await d.inChat("chris", "checkin summary");
    expect(before.text).toContain("2 of 3 members have answered");
    expect(after.text).toContain("3 of 3 members have answered");
    expect(after.text.replace(/\d+/g, "#")).toBe(before.text.replace(/\d+/g, "#"));
    expect(after.text).not.toMatch(/Felt listened to|nobody listened|a good meeting/);
  });

  it("can't take the named answers from the total once it closes", async () => {
    await answer("kim", "Yes", "a good meeting", "Share my name");
    await answer("lee", "Yes", "thanks all", "Share my name");
    await answer("sam", "No", "nobody listened to me", "Answer anonymously");
    h.clock.advance(73 * HOUR);
    await h.bot.tick();
    await h.bot.deliver();
    const summary = the(
      h.connector.messagesTo(chatOf("chris")).find((c) => shownIn(c).includes("has closed")),
      "the chair's summary",
    );
    const text = shownIn(summary);
    expect(text).toContain("1 answer is not shown yet, so that no one can tell who gave it.");
    expect(text).toContain("Felt listened to: yes 2, partly 0, no 0");
    expect(text).toContain('Kim Patel: "a good meeting"');
    expect(text).not.toContain("nobody listened");
    expect(JSON.stringify(summary.body)).not.toContain("Sam");
  });
});
