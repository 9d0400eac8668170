import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedClosedCheckIn } from "../helpers/programme-seed.ts";
import { textOf } from "../helpers/slack-api-mock.ts";
import {
  closeWorkstream,
  runCommand,
  type SlackHarness,
  startSlackHarness,
} from "../helpers/slack-harness.ts";

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

  it("keeps a closed workstream in the view and the digest, marked closed, with its figures", async () => {
    await as("U1", "/workstream", "setup Medication safety", "C1");
    await as("U1", "/workstream", "add <@U2|sam> <@U3|chris> <@U4|lee> as service-user", "C1");
    await as("U5", "/workstream", "setup Carers voice", "C2");
    await as("U9", "/programme", "setup Mental health programme", "C9");
    await as("U1", "/programme", "add Medication safety", "C9");
    await as("U5", "/programme", "add Carers voice", "C9");
    seedClosedCheckIn(
      { ...h, person: (u) => ({ key: `slack:${u}`, name: USERS[u]?.name ?? u, dm: `slack:D${u}` }) },
      "Medication safety",
      "2026-12-03T14:00:00Z",
      [
        { who: "U2", group: "service-user", listened: "no" },
        { who: "U3", group: "service-user", listened: "yes" },
        { who: "U4", group: "service-user", listened: "yes" },
      ],
    );
    // The coordinator closes Medication safety with the confirm button, as Slack sends it.
    await closeWorkstream(h, "U1", "C1");
    expect(h.store.workstreams.byName("Medication safety")?.closedAt).toBeInstanceOf(Date);

    const view = await as("U9", "/programme", "", "C9");
    expect(view).toContain("2 workstreams");
    expect(view).toContain("*Medication safety* (closed): 1 meeting held");
    expect(view).toContain("felt listened to: 67% (2 of 3)");
    expect(view).toContain("*Carers voice*: 0 meetings held");
    expect(view).toContain(
      "The figures for the whole programme and each workstream are for the last 3 months.",
    );

    h.clock.set("2026-12-14T09:00:30Z"); // Monday 9am in London: the programme's digest
    await h.bot.tick();
    await h.bot.deliver();
    const digest = h.api
      .accepted("chat.postMessage")
      .find((c) => textOf(c).includes("here is the programme digest"));
    expect(digest?.body.channel).toBe("DU9");
    const text = textOf(digest as NonNullable<typeof digest>);
    expect(text).toContain("*Medication safety* (closed): 1 meeting held");
    expect(text).toContain("felt listened to: 67% (2 of 3)");
    // Nothing falls overdue in a closed workstream: its members are not "dropped off" by waiting.
    expect(text).toMatch(/\*Medication safety\* \(closed\):[^\n]*members who may have dropped off: 0\./);
  });

  it("says in the board's channel that it is the programme's, and how leads see it", async () => {
    // Who may add a workstream, said as §14 has it: a chair only once they are a lead.
    expect(await as("U9", "/programme", "setup Mental health programme", "C9")).toContain(
      "(one of its coordinators can do this, or its chair once they are a lead too)",
    );
    const help = await as("U2", "/help", "", "C9");
    expect(help).not.toContain("This isn't a workstream channel yet");
    expect(help).toContain("This is the board's channel for *Mental health programme*.");
    expect(help).toContain("`/programme` — the whole programme at a glance (programme leads)");
    expect(help).not.toContain("/programme setup");
    // The board's channel cannot become a workstream too: its posts would reach the leads.
    expect(await as("U2", "/workstream", "setup Medication safety", "C9")).toBe(
      "This channel is the board's for *Mental health programme*, so it can't be a workstream too. Please set the workstream up in its own channel, for example `/workstream setup Medication safety`.",
    );
    expect(h.store.workstreams.all()).toEqual([]);
    // Anywhere else outside a workstream, help is as it was.
    expect(await as("U2", "/help", "", "C7")).toContain("This isn't a workstream channel yet");
  });

  it("refuses bad input to each programme command with an example, and changes nothing", async () => {
    await as("U1", "/workstream", "setup Medication safety", "C1");
    await as("U9", "/programme", "setup Mental health programme", "C9");
    const refusals: Array<[string, string]> = [
      [
        "setup",
        "Please give the programme a name (up to 80 letters). For example: `/programme setup Mental health programme`.",
      ],
      ["setup Other board", "This channel is already the *Mental health programme* programme."],
      ["add", "Please name the workstream to add. For example: `/programme add Medication safety`."],
      ["add No such group", "You can add a workstream to the programme if you are one of its coordinators"],
      ["lead", "Please name one person. For example: `/programme lead @chris`."],
      ["lead chris", "Please name one person. For example: `/programme lead @chris`."],
      ["lead @chris", 'I couldn\'t read "@chris" as a mention.'],
      ["lead <@U1> <@U2>", "Please name one person."],
      [
        "lead <@U1> please",
        'I couldn\'t read "please" after the person. Please name just one person. For example: `/programme lead @chris`.',
      ],
      ["set colour blue", "A programme has these settings: digest, timezone, quiet-hours, quiet-weekends."],
      ["set digest banana", "For example: `/programme set digest mon 09:00`."],
      ["now please", "I don't know `/programme now`."],
    ];
    for (const [text, answer] of refusals) expect(await as("U9", "/programme", text, "C9")).toContain(answer);
    const long = await as("U9", "/programme", `setup ${"x".repeat(81)}`, "C8");
    expect(long).toContain("please keep it to 80");
    expect(h.store.programmes.all().map((p) => p.name)).toEqual(["Mental health programme"]);
    const board = h.store.programmes.all()[0];
    expect(board && h.store.programmes.leads(board.id)).toHaveLength(1);
    expect(board && h.store.programmes.workstreams(board.id)).toEqual([]);
  });
});
