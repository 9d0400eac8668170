import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/teams-connector-mock.ts";
import { teamsFlowDriver } from "../helpers/teams-flow-driver.ts";
import {
  channelMessage,
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

/** PRODUCT.md §11 through the real CloudAdapter: a move and a series, as people use them on Teams. */
describe("moving and repeating meetings on Teams", () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it("tells each member once that the meeting moved, and rewrites the papers they already had in place", async () => {
    await h.post(channelMessage("chris", "meeting schedule 2026-12-18 14:00 Budget review"));
    await h.post(channelMessage("chris", "papers add M-1 https://example.org/budget.pdf Budget 2027"));
    await h.post(channelMessage("chris", "papers send M-1"));
    await h.bot.deliver();
    const before = h.connector.messages().length;
    const d = teamsFlowDriver(h);
    const moved = await d.inChat("chris", "meeting move M-1 2026-12-21 10:00");
    expect(moved.text).toContain("Monday 21 December, 10am");
    await h.bot.deliver();
    const toSam = h.connector
      .messages()
      .slice(before)
      .filter((c) => c.conversationId === chatOf("sam"));
    // One new message: the move. The papers card is updated, not sent again.
    expect(toSam.map(textOf)).toHaveLength(1);
    expect(textOf(toSam[0] as never)).toContain(
      "has moved from Friday 18 December, 2pm to Monday 21 December, 10am",
    );
    const update = await h.connector.waitFor(
      (c) => c.kind === "update" && c.conversationId === chatOf("sam"),
    );
    expect(update.method).toBe("PUT");
    expect(textOf(update)).toContain("Monday 21 December, 10am");
    expect(textOf(update)).toContain("https://example.org/budget.pdf");
  });

  it("books a series and answers with every date", async () => {
    const d = teamsFlowDriver(h);
    await d.inChat("chris", "meeting schedule 2027-01-12 14:00 Budget review");
    const series = await d.inChat("chris", "meeting repeat M-1 every 2 weeks 3 times");
    for (const day of ["Tuesday 26 January", "Tuesday 9 February", "Tuesday 23 February"])
      expect(series.text).toContain(day);
    const list = await d.inChat("sam", "meeting list");
    for (const id of ["M-2", "M-3", "M-4"]) expect(list.text).toContain(id);
  });
});
