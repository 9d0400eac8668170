import { afterEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { buttonIn } from "../helpers/slack-buttons.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";
import { type ConnectorCall, cardOf } from "../helpers/teams-connector-mock.ts";
import { buttonOn, shown, teamsFlowDriver } from "../helpers/teams-flow-driver.ts";
import {
  chatOf,
  installForAll,
  PEOPLE,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

/** PRODUCT.md §15 through the real receivers: old buttons stop working once someone is removed. */
const REFUSAL = "no longer in this workstream";

describe("a removed member's old buttons, in Slack", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  it("refuses Edit and Withdraw on a view the chair recorded, and posts nothing to the channel", async () => {
    h = await startSlackHarness({
      users: { U1: { name: "Kim Patel" }, U2: { name: "Sam Jones" }, U3: { name: "Chris Lee" } },
    });
    await runCommand(h, { user: "U1", command: "/workstream", text: "setup Medication safety" });
    await runCommand(h, { user: "U1", command: "/workstream", text: "add <@U2> <@U3>" });
    await runCommand(h, { user: "U1", command: "/workstream", text: "role <@U3> chair" });
    await runCommand(h, { user: "U3", command: "/dissent", text: "<@U2> The rota is unsafe" });
    await h.bot.deliver();
    const dm = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU2" && textOf(c).includes("fair record"),
    );
    expect(await runCommand(h, { user: "U1", command: "/workstream", text: "remove <@U2>" })).toContain(
      "has been removed",
    );
    await h.bot.deliver();
    const channelPostsBefore = h.api
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === "C1").length;

    for (const label of ["Edit the wording", "Withdraw it"]) {
      const button = buttonIn(dm, label);
      const before = h.api.calls.length;
      const ts = String(dm.response?.ts);
      const clicked = await h.slack.interaction({
        type: "block_actions",
        user: { id: "U2", username: "u2", name: "u2", team_id: "T1" },
        team: { id: "T1", domain: "test" },
        api_app_id: "A1",
        trigger_id: `trigger-${label}`,
        container: { type: "message", channel_id: "DU2", message_ts: ts, is_ephemeral: false },
        channel: { id: "DU2", name: "directmessage" },
        message: { ts, text: "dissent" },
        response_url: h.api.responseUrl(`click-${label}`),
        actions: [
          {
            type: "button",
            block_id: button.blockId,
            action_id: button.action_id,
            value: button.value,
            action_ts: "1",
          },
        ],
      });
      expect(clicked.status).toBe(200);
      // The refusal comes privately, in Sam's DM with the bot.
      await h.api.waitFor(
        "chat.postMessage",
        (c) => h.api.calls.indexOf(c) >= before && c.body.channel === "DU2" && textOf(c).includes(REFUSAL),
      );
    }
    await h.bot.deliver();
    expect(h.api.callsTo("views.open")).toEqual([]);
    expect(h.api.callsTo("chat.postMessage").filter((c) => c.body.channel === "C1")).toHaveLength(
      channelPostsBefore,
    );
    const register = await runCommand(h, { user: "U3", command: "/dissent", text: "list" });
    expect(register).toContain("The rota is unsafe");
    expect(register).not.toContain("withdrawn");
  });
});

describe("a removed member's old check-in, in Teams", () => {
  let h: TeamsHarness;
  afterEach(async () => {
    await h.close();
  });

  it("answers the refusal in place of the card, and the answer is not counted", async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
    const drive = teamsFlowDriver(h);
    await drive.inChannel("chris", "meeting schedule 2026-12-08 11:00 for 1h Budget review");
    h.clock.advance(1.5 * 3_600_000);
    await drive.inChannel("chris", "meeting end");
    await h.bot.deliver();
    const sams = h.connector
      .messagesTo(chatOf("sam"))
      .find((c) => String(c.body.summary).includes("check-in")) as ConnectorCall;
    expect(sams).toBeDefined();
    const removed = await drive.inChannel("kim", `workstream remove <at>${PEOPLE.sam.name}</at>`, {
      sam: PEOPLE.sam.name,
    });
    expect(removed.text).toContain("has been removed");

    const card = await drive.invoke("sam", buttonOn(cardOf(sams), "Yes, I was there").data);
    expect(shown(card)).toContain(REFUSAL);
    expect(shown(card)).not.toContain("Question 2 of 7");
    const status = await drive.inChannel("chris", "checkin status");
    expect(status.text).toContain("Answered: nobody yet");
  });
});
