import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import {
  runCommand,
  type SlackHarness,
  setUpMedicationSafety,
  startSlackHarness,
} from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Cora Hill" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
};

describe("one-to-ones and the digest in Slack", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
    await setUpMedicationSafety(h, ["U2", "U3"]);
    await h.bot.deliver();
  });
  afterEach(async () => {
    await h.close();
  });

  it("a member asks for a one-to-one, the chair is told privately, logs it, and only a coordinator can ask for the digest", async () => {
    const asked = await runCommand(h, { user: "U2", command: "/onetoone", text: "request" });
    expect(asked).toContain("I've let the chair of *Medication safety* know");
    await h.bot.deliver();
    const dm = await h.api.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "DU3" && textOf(c).includes("asked for a one-to-one"),
    );
    expect(textOf(dm)).toContain("Sam Jones asked for a one-to-one");

    const list = await runCommand(h, { user: "U3", command: "/onetoone", text: "" });
    expect(list).toContain("Sam Jones* asked for one");
    const logged = await runCommand(h, { user: "U3", command: "/onetoone", text: "<@U2>" });
    expect(logged).toContain("Logged: a one-to-one with Sam Jones today");
    expect(logged).toContain("Their request for one is now cleared");

    const digest = await runCommand(h, { user: "U1", command: "/digest", text: "now" });
    expect(digest).toContain("Nothing in *Medication safety* needs your attention right now");
    const chair = await runCommand(h, { user: "U3", command: "/commonpurpose", text: "digest now" });
    expect(chair).toContain("Only a coordinator can");
  });
});
