import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
};

describe("the agenda through Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U2> <@U3>" });
    await runCommand(h, { user: "U1", command: "/workstream", text: "role <@U3> chair" });
    await runCommand(h, { user: "U3", command: "/meeting", text: "schedule 2026-12-18 14:00 Budget review" });
    await runCommand(h, {
      user: "U3",
      command: "/papers",
      text: "add M-1 <https://example.org/budget.pdf> Budget 2027",
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it("rewrites each member's papers message with chat.update when the chair changes the agenda", async () => {
    await runCommand(h, { user: "U3", command: "/agenda", text: "add M-1 Transport to meetings" });
    await runCommand(h, { user: "U3", command: "/papers", text: "send M-1" });
    await h.bot.deliver();
    const papers = h.api
      .accepted("chat.postMessage")
      .find((c) => c.body.channel === "DU2" && textOf(c).includes("the papers for *Budget review*"));
    expect(papers).toBeDefined();
    expect(textOf(papers as never)).toContain("A-1 *Transport to meetings*");
    const posted = h.api.accepted("chat.postMessage").length;

    const reply = await runCommand(h, { user: "U3", command: "/agenda", text: "add M-1 Respite budget" });
    expect(reply).toContain("Added A-2 *Respite budget* to the agenda for M-1");
    await h.bot.deliver();
    const update = await h.api.waitFor("chat.update", (c) => c.body.channel === "DU2");
    expect(update.body.ts).toBe(papers?.response?.ts);
    expect(textOf(update)).toContain("A-2 *Respite budget*");
    expect(textOf(update)).toContain("A-1 *Transport to meetings*");
    // Updated in place: no second papers message to anyone.
    expect(h.api.accepted("chat.postMessage")).toHaveLength(posted);
    expect(
      h.api
        .accepted("chat.update")
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(["DU1", "DU2", "DU3"]);
  });

  it("answers /agenda with the meeting's items and papers", async () => {
    await runCommand(h, { user: "U3", command: "/agenda", text: "add Transport to meetings" });
    const shown = await runCommand(h, { user: "U2", command: "/agenda" });
    expect(shown).toContain("Agenda for M-1 *Budget review*");
    expect(shown).toContain("A-1 *Transport to meetings*");
    expect(shown).toContain("*Budget 2027*");
    const refused = await runCommand(h, { user: "U2", command: "/agenda", text: "add Something" });
    expect(refused).toContain("Only the chair can add to the agenda");
  });
});
