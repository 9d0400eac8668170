import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedClosedCheckIn } from "../helpers/programme-seed.ts";
import { textOf } from "../helpers/slack-api-mock.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

// PRODUCT.md §14 through the real Bolt receiver: a programme of two workstreams set up by
// slash commands, read by a lead and refused to a non-lead, and its digest sent to the lead.
const USERS: Record<string, { name: string }> = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
  U5: { name: "Otto Grant" },
  U6: { name: "Cara Bell" },
  U7: { name: "Olly Reed" },
  U9: { name: "Pam Board" },
};
const COMMENT = "The chair talked over me again";

describe("a programme through Slack", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
  });
  afterEach(async () => {
    await h.close();
  });
  const as = (user: string, command: string, text = "", channel = "C1") =>
    runCommand(h, { user, command, text, channel });

  it("is set up by slash commands, shown to its lead, refused to anyone else, and digested weekly", async () => {
    await as("U1", "/workstream", "setup Medication safety", "C1");
    await as("U1", "/workstream", "add <@U2|sam> <@U3|chris> <@U4|lee> as service-user", "C1");
    await as("U5", "/workstream", "setup Carers voice", "C2");
    await as("U5", "/workstream", "add <@U6|cara> <@U7|olly> as carer", "C2");
    expect(await as("U9", "/programme", "setup Mental health programme", "C9")).toContain(
      "you are a programme lead",
    );
    // Pam leads the programme but is in neither workstream: its coordinators add them.
    expect(await as("U9", "/programme", "add Medication safety", "C9")).toContain("You can add a workstream");
    expect(await as("U1", "/programme", "add Medication safety", "C9")).toContain(
      "*Medication safety* is now part of *Mental health programme*",
    );
    expect(await as("U5", "/commonpurpose", "programme add Carers voice", "C9")).toContain("is now part of");

    seedClosedCheckIn(
      { ...h, person: (u) => ({ key: `slack:${u}`, name: USERS[u]?.name ?? u, dm: `slack:D${u}` }) },
      "Medication safety",
      "2026-12-03T14:00:00Z",
      [
        { who: "U2", group: "service-user", listened: "no", comment: COMMENT },
        { who: "U3", group: "service-user", listened: "yes" },
        { who: "U4", group: "service-user", listened: "yes", anonymous: true },
      ],
    );

    const view = await as("U9", "/programme", "", "C9");
    expect(view).toContain(
      "Here is the whole programme at a glance for *Mental health programme*: 2 workstreams.",
    );
    expect(view).toContain("*Medication safety*: 1 meeting held");
    expect(view).toContain("felt listened to: 67% (2 of 3)");
    expect(view).toContain("*Carers voice*: 0 meetings held");
    for (const name of Object.values(USERS).map((u) => u.name.split(" ")[0] as string))
      if (name !== "Pam") expect(view).not.toContain(name);
    expect(view).not.toContain("talked over");
    // From the lead's direct message with the bot too.
    expect(await as("U9", "/programme", "", "DU9")).toContain("Mental health programme");

    // A member, a chair and a coordinator of the workstreams are not leads.
    for (const user of ["U2", "U3", "U1"])
      expect(await as(user, "/programme", "", "C9")).toBe(
        "Only the programme's leads can do this. A lead can add you with `/programme lead @you`.",
      );

    h.clock.set("2026-12-14T09:00:30Z"); // Monday 9am in London: the programme's digest
    await h.bot.tick();
    await h.bot.deliver();
    const digests = h.api
      .accepted("chat.postMessage")
      .filter((c) => textOf(c).includes("here is the programme digest"));
    expect(digests.map((c) => c.body.channel)).toEqual(["DU9"]);
    expect(textOf(digests[0] as (typeof digests)[number])).toContain("Carers voice");
  });
});
