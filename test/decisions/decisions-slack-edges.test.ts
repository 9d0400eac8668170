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
};

// Through the real Bolt receiver: what a member sees, and what bad input does (nothing).
describe("decisions through Slack: bad input, the umbrella command, /outcomes in a DM", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3"]);
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-17 14:00 Planning" });
    await runCommand(h, { user: "U2", command: "/dissent", text: "Thursdays are hard for carers" });
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  const channelPosts = () =>
    h.api
      .accepted("chat.postMessage")
      .filter((c) => c.body.channel === "C1")
      .map((c) => textOf(c));

  it("refuses what it cannot read privately, with an example, and posts nothing", async () => {
    const before = channelPosts().length;
    const cases: Array<[string, string]> = [
      ["", "Please say what was decided"],
      ["Meetings move to Thursdays dissent 1", 'I couldn\'t read "1" as a dissent number'],
      ["Meetings move to Thursdays dissent D-1 banana", '"banana"'],
      ["Meetings move to Thursdays dissent D-9", "There is no D-9"],
      ["bring DC-1", "Please name one decision and then one meeting"],
      ["bring DC-7 M-1", "There is no DC-7"],
      ["bring DC-1 M-8", "There is no DC-1"],
      ["list everything", 'couldn\'t read "everything"'],
      [`${"x".repeat(1001)}`, "1,000"],
    ];
    for (const [text, says] of cases) {
      const reply = await runCommand(h, { user: "U3", command: "/decision", text });
      expect(reply, text).toContain(says);
    }
    const extra = await runCommand(h, { user: "U2", command: "/outcomes", text: "please" });
    expect(extra).toContain("/outcomes");
    await h.bot.deliver();
    expect(channelPosts()).toHaveLength(before);
    const log = await runCommand(h, { user: "U2", command: "/decision", text: "list" });
    expect(log).toContain("The decision log for *Medication safety* is empty");
  });

  it("works through /commonpurpose, and a member reads /outcomes and the log in a direct message", async () => {
    const made = await runCommand(h, {
      user: "U3",
      command: "/commonpurpose",
      text: "decision Transport is paid from January outside dissent D-1",
    });
    expect(made).toContain('DC-1 is recorded: "Transport is paid from January", made outside a meeting');
    await h.bot.deliver();
    expect(channelPosts().join("\n")).toContain(
      "Decision DC-1, made outside a meeting (recorded by Chris Lee)",
    );
    const said = await runCommand(h, { user: "U2", channel: "DU2", command: "/outcomes" });
    expect(said).toContain("You said, we did");
    expect(said).toContain('D-1 "Thursdays are hard for carers": Decided (DC-1)');
    expect(said).not.toContain("Sam");
    const log = await runCommand(h, {
      user: "U2",
      channel: "DU2",
      command: "/commonpurpose",
      text: "decision list",
    });
    expect(log).toContain("to be brought to the group at M-1 *Planning*");
    expect(log).toContain("Dissent recorded alongside it: D-1");
  });

  it("refuses the log to someone removed from the workstream", async () => {
    await runCommand(h, { user: "U1", command: "/workstream", text: "remove <@U2>" });
    const reply = await runCommand(h, { user: "U2", command: "/decision", text: "list" });
    expect(reply).toContain("not a member of *Medication safety*");
    expect(reply).not.toContain("decision log for");
    const said = await runCommand(h, { user: "U2", command: "/outcomes" });
    expect(said).not.toContain("You said, we did");
  });
});
