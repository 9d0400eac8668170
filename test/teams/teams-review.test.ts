import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardOf } from "../helpers/teams-connector-mock.ts";
import { shown, shownIn, teamsFlowDriver } from "../helpers/teams-flow-driver.ts";
import {
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
  type Who,
} from "../helpers/teams-harness.ts";

const DAY = 86_400_000;

describe("a review end to end on Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it("button → form card → submit, then the chair's summary after it closes, with nothing to attribute", async () => {
    const drive = teamsFlowDriver(h);
    const started = await drive.inChannel("chris", "review start");
    expect(started.text).toContain("I've sent it privately to 4 people, you included");
    await h.bot.deliver();

    const answer = async (who: Who, task: string, process: string, comment = "") => {
      const invitation = drive.sentTo(chatOf(who), "time for")[0];
      expect(invitation, `${who} got the review`).toBeDefined();
      const form = await drive.click(who, cardOf(invitation as never), "Answer the review");
      expect(shown(form)).toContain("Are decisions made by the group?");
      const fields: Record<string, string> = {
        progress: task,
        clarity: task,
        voice: process,
        disagreements: process,
        decisions: process,
        support: process,
      };
      if (comment) fields.taskComment = comment;
      return drive.submit(who, form, fields);
    };
    const thanks = await answer("sam", "5", "5", "The notes help a lot");
    expect(shown(thanks)).toContain("Thank you, Sam Jones. Your answers are in.");
    await answer("lee", "4", "2");
    await answer("kim", "2", "2");
    await answer("chris", "1", "1", "Chair only: this is hard");

    const whileOpen = await drive.inChannel("chris", "review summary");
    expect(whileOpen.text).toContain("4 of 4 have answered");
    expect(whileOpen.text).not.toContain("The notes help");

    h.clock.advance(7 * DAY);
    await h.bot.tick();
    await h.bot.deliver();
    const summary = drive.sentTo(chatOf("chris"), "has closed")[0];
    expect(summary).toBeDefined();
    const text = shownIn(summary as never);
    expect(text).toContain("4 of 4 answered");
    // Sam, Lee and Kim anonymous: 4 of 6 task answers were 4 or 5; Chris's own left out.
    expect(text).toContain("4 of 6 answers were 4 or 5 out of 5 (67%)");
    expect(text).toContain("The notes help a lot");
    expect(text).not.toContain("Sam Jones");
    expect(text).not.toContain("this is hard");
    // Kim, the coordinator: Chris's answers folded in, Kim's own left out.
    const coordinator = drive.sentTo(chatOf("kim"), "has closed")[0];
    expect(shownIn(coordinator as never)).toContain("4 of 6 answers were 4 or 5 out of 5 (67%)");
  });
});
