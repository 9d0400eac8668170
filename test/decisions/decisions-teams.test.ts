import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shownIn, teamsFlowDriver, the } from "../helpers/teams-flow-driver.ts";
import {
  CHANNEL,
  chatOf,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

// Through the real CloudAdapter: Kim coordinates, Chris chairs, Sam and Lee are members.
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

describe("decisions on Teams", () => {
  it("records a decision in the meeting with linked dissent, tells only the dissenter, and members read the log and /outcomes", async () => {
    await d.inChannel("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review");
    await d.inChannel("sam", "dissent Thursdays are hard for carers");
    h.clock.advance(1.5 * HOUR); // 11:30, the meeting is on
    const made = await d.inChannel("chris", "decision Meetings move to Thursdays dissent D-1");
    expect(made.text).toContain(
      'DC-1 is recorded: "Meetings move to Thursdays", made at M-1 **Budget review**',
    );
    await h.bot.deliver();

    const told = d.sentAnywhere("Your view (D-1) is recorded alongside it");
    expect(told.map((c) => c.conversationId)).toEqual([chatOf("sam")]);
    expect(shownIn(the(told[0]))).toContain("Your view (D-1) is recorded alongside it");
    expect(d.sentTo(CHANNEL, "Decision DC-1")).toHaveLength(1);

    const log = await d.inChat("lee", "decision list");
    expect(log.text).toContain("Dissent recorded alongside it: D-1");
    const said = await d.inChat("lee", "outcomes");
    expect(said.text).toContain('D-1 "Thursdays are hard for carers": Decided (DC-1)');
    expect(said.text).not.toContain("Sam");
  });

  it("brings an outside decision to a named meeting", async () => {
    await d.inChannel("chris", "meeting schedule 2026-12-10 11:00 Planning");
    await d.inChannel("chris", "meeting schedule 2026-12-17 11:00 Budget review");
    const made = await d.inChannel("kim", "decision The board agreed the budget outside");
    expect(made.text).toContain("made outside a meeting");
    const brought = await d.inChannel("chris", "decision bring DC-1 M-2");
    expect(brought.text).toContain("is on the agenda for M-2 **Budget review**");
    const agenda = await d.inChat("sam", "agenda M-2");
    expect(agenda.text).toContain("DC-1 **The board agreed the budget**");
  });

  it("refuses an unreadable dissent clause with an example, and posts nothing", async () => {
    await d.inChannel("sam", "dissent Thursdays are hard for carers");
    const bad = await d.inChannel("chris", "decision Meetings move to Thursdays dissent 1");
    expect(bad.text).toContain('I couldn\'t read "1" as a dissent number');
    expect(bad.text).toContain("D-4");
    await h.bot.deliver();
    expect(d.sentTo(CHANNEL, "Decision DC-1")).toHaveLength(0);
    const log = await d.inChat("lee", "decision list");
    expect(log.text).toContain("is empty");
  });
});
