import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import {
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
};

// Through the real Bolt receiver, signed slash commands; the stand-in Web API records what was sent.
describe("decisions through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3", "U4"]);
    await runCommand(h, {
      user: "U3",
      command: "/meeting",
      text: "schedule 2026-12-08 11:00 for 1h Budget review",
    });
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-17 14:00 Planning" });
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  it("records decisions in and outside a meeting, links dissent, brings one to the next meeting, and a member reads /outcomes", async () => {
    await runCommand(h, { user: "U2", command: "/dissent", text: "Thursdays are hard for carers" });
    await runCommand(h, { user: "U4", command: "/dissent", text: "Thursdays clash with clinics" });
    h.clock.set("2026-12-08T11:30:00Z");
    const inMeeting = await runCommand(h, {
      user: "U3",
      command: "/decision",
      text: "Meetings move to Thursdays dissent D-1, D-2",
    });
    expect(inMeeting).toContain(
      'DC-1 is recorded: "Meetings move to Thursdays", made at M-1 *Budget review*',
    );
    expect(inMeeting).toContain("Linked dissent: D-1, D-2");

    const outside = await runCommand(h, {
      user: "U1",
      command: "/decision",
      text: "The board agreed the budget outside",
    });
    expect(outside).toContain("made outside a meeting on Tuesday 8 December");
    expect(outside).toContain("to be brought to the group at M-2 *Planning*");
    await h.bot.deliver();

    const posts = h.api.accepted("chat.postMessage");
    const toSam = posts.filter(
      (c) => c.body.channel === "DU2" && textOf(c).includes("recorded alongside it"),
    );
    expect(toSam).toHaveLength(1);
    expect(textOf(toSam[0] as never)).toContain("Your view (D-1)");
    expect(textOf(toSam[0] as never)).not.toContain("Lee Park");
    expect(textOf(toSam[0] as never)).not.toContain("D-2");
    const toLee = posts.filter(
      (c) => c.body.channel === "DU4" && textOf(c).includes("recorded alongside it"),
    );
    expect(toLee).toHaveLength(1);
    const channel = posts.filter((c) => c.body.channel === "C1").map((c) => textOf(c));
    expect(channel.join("\n")).toContain("Decision DC-2, made outside a meeting (recorded by Kim Patel)");

    const agenda = await runCommand(h, { user: "U2", command: "/agenda", text: "M-2" });
    expect(agenda).toContain("DC-2 *The board agreed the budget*");
    h.clock.set("2026-12-17T15:00:00Z");
    await runCommand(h, { user: "U3", command: "/meeting", text: "end M-2" });
    const log = await runCommand(h, { user: "U2", command: "/decision", text: "list" });
    expect(log).toContain("brought to the group at M-2 *Planning*");
    expect(log).toContain("Dissent recorded alongside it: D-1, D-2");

    const said = await runCommand(h, { user: "U2", command: "/outcomes" });
    expect(said).toContain('D-1 "Thursdays are hard for carers": Decided (DC-1)');
    expect(said).toContain('D-2 "Thursdays clash with clinics": Decided (DC-1)');
    expect(said).not.toContain("Sam Jones");
    expect(said).not.toContain("Lee Park");
  });

  it("refuses a member recording a decision, naming what they can do", async () => {
    const r = await runCommand(h, { user: "U2", command: "/decision", text: "I decide" });
    expect(r).toContain("Only the chair or coordinator can record a decision");
    expect(r).toContain("/decision list");
  });
});
