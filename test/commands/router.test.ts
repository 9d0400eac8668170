import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { delivered, sayAs, sayIn, snapshot } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

const member = (who: string) => {
  const person = h.store.people.byKey(`test:${who}`);
  const workstream = h.store.workstreams.byChannel(h.channel);
  if (!person || !workstream) return undefined;
  return h.store.members.get(workstream.id, person.id);
};

describe("commands it does not know", () => {
  it("answers an unknown command in one line that points to /help, and changes nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("sam", "/frobnicate the meeting");
    expect(reply.error).toBe("command.unknown");
    expect(reply.text).toContain("/frobnicate");
    expect(reply.text).toContain("/help");
    expect(reply.text).not.toContain("\n");
    expect(snapshot(h)).toBe(before);
    expect(await delivered(h)).toEqual([]);
  });

  it("answers an unknown sub-command with the ones that exist and an example", async () => {
    const reply = await h.say("cora", "/meeting reschedule M-1");
    expect(reply.error).toBeDefined();
    expect(reply.text).toContain("schedule");
    expect(reply.text).toContain("list");
    expect(reply.text).toContain("For example");
  });
});

describe("the ways in", () => {
  it("runs a verb through the umbrella command /commonpurpose", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    const reply = await h.say("sam", "/commonpurpose meeting list");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("M-1");
    expect(reply.text).toContain("Medicines review");
  });

  it("accepts a command typed without the slash, as in Teams", async () => {
    const reply = await h.say("sam", "meeting list");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("No meetings are booked");
  });

  it("shows help for /commonpurpose alone, /help and /meeting help", async () => {
    for (const text of ["/commonpurpose", "/help", "/commonpurpose help"]) {
      const reply = await h.say("sam", text);
      expect(reply.error, text).toBeUndefined();
      expect(reply.text, text).toContain("/meeting list");
      expect(reply.text, text).toContain("/quiet until");
    }
    const meetingHelp = await h.say("sam", "/meeting help");
    expect(meetingHelp.error).toBeUndefined();
    expect(meetingHelp.text).toContain("/meeting list");
    expect(meetingHelp.text).not.toContain("/workstream");
    expect(meetingHelp.text).not.toContain("/quiet");
  });

  it("gives examples in the full help", async () => {
    const reply = await h.say("sam", "/help all");
    expect(reply.text).toContain("For example: `/meeting list`");
  });
});

describe("help shows only what this person may do", () => {
  it("does not show a member the organisers' commands", async () => {
    const reply = await h.say("sam", "/help all");
    expect(reply.text).toContain("/meeting list");
    expect(reply.text).toContain("/workstream group");
    for (const hidden of [
      "/meeting cancel",
      "/meeting schedule",
      "/meeting end",
      "/workstream add",
      "/workstream set <",
    ]) {
      expect(reply.text).not.toContain(hidden);
    }
  });

  it("does not offer /workstream setup in a channel that is already a workstream", async () => {
    const reply = await h.say("sam", "/help");
    expect(reply.text).toContain("/meeting list");
    expect(reply.text).not.toContain("/workstream setup");
  });

  it("offers /workstream setup in a channel that is not a workstream yet", async () => {
    const reply = await sayIn(h, "pat", "/help", "test:#random");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("/workstream setup");
    expect(reply.text).not.toContain("/meeting list");
  });

  it("shows the coordinator cancelling and booking, but not the chair's /meeting end", async () => {
    const reply = await h.say("cora", "/help all");
    expect(reply.text).toContain("/meeting cancel");
    expect(reply.text).toContain("/meeting schedule");
    expect(reply.text).toContain("/workstream add");
    expect(reply.text).not.toContain("/meeting end");
  });

  it("shows the chair /meeting end", async () => {
    const reply = await h.say("chris", "/meeting help");
    expect(reply.text).toContain("/meeting end");
    expect(reply.text).toContain("/meeting cancel");
  });

  it("shows a member the same in a direct message as in the channel", async () => {
    const inDm = await h.say("sam", "/help", "dm");
    expect(inDm.text).toContain("/meeting list");
    expect(inDm.text).not.toContain("/meeting cancel");
  });
});

describe("permissions", () => {
  it.each([
    ["/meeting schedule next tuesday 2pm", "book"],
    ["/workstream add <@pat|Pat>", "add"],
    ["/workstream role <@sam|Sam> coordinator", "role"],
    ["/workstream set papers-lead-days 10", "set"],
    ["/workstream remove <@kim|Kim>", "remove"],
  ])("refuses a member who tries %s, and changes nothing", async (text) => {
    const before = snapshot(h);
    const reply = await h.say("sam", text);
    expect(reply.error).toBe("permission.denied");
    expect(reply.text).toContain("Only");
    expect(reply.text).toContain("/help");
    expect(snapshot(h)).toBe(before);
    expect(await delivered(h)).toEqual([]);
  });

  it("refuses a member who tries to book a meeting, and books nothing", async () => {
    const reply = await h.say("sam", "/meeting schedule next tuesday 2pm for 90m Secret meeting");
    expect(reply.error).toBe("permission.denied");
    expect(reply.text).toContain("the chair or coordinator");
    const list = await h.say("sam", "/meeting list");
    expect(list.text).toContain("No meetings are booked");
  });

  it("refuses a member who tries to cancel or end a meeting, and the meeting stays booked", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    expect((await h.say("sam", "/meeting cancel M-1")).error).toBe("permission.denied");
    h.clock.set("2026-12-08T14:30:00Z");
    expect((await h.say("sam", "/meeting end M-1")).error).toBe("permission.denied");
    const list = await h.say("sam", "/meeting list");
    expect(list.text).toContain("M-1");
  });

  it("does not let a member make themselves coordinator", async () => {
    await h.say("sam", "/workstream role <@sam|Sam> coordinator");
    expect(member("sam")?.role).toBe("member");
  });

  it("refuses the chair-only /meeting end for the coordinator", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    h.clock.set("2026-12-08T14:30:00Z");
    const reply = await h.say("cora", "/meeting end M-1");
    expect(reply.error).toBe("permission.denied");
    expect(reply.text).toContain("the chair");
    expect((await h.say("sam", "/meeting list")).text).toContain("M-1");
  });

  it("tells someone who is not in the workstream that they are not a member", async () => {
    const reply = await h.say("pat", "/meeting list");
    expect(reply.error).toBe("member.not-member");
    expect(reply.text).toContain("not a member");
    expect(reply.text).toContain("Medication safety");
  });

  it("tells people in a channel that is not a workstream how to set one up", async () => {
    const reply = await sayIn(h, "sam", "/meeting list", "test:#random");
    expect(reply.error).toBe("workstream.not-here");
    expect(reply.text).toContain("/workstream setup");
  });
});

describe("direct messages", () => {
  async function secondWorkstream() {
    await sayIn(h, "cora", "/workstream setup Carers forum", "test:#carers");
    await sayIn(h, "cora", "/workstream add <@sam|Sam>", "test:#carers");
    await sayIn(h, "cora", "/meeting schedule next wednesday 11am Forum catch-up", "test:#carers");
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
  }

  it("needs no workstream name from a member of just one", async () => {
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    const reply = await h.say("kim", "/meeting list", "dm");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Medicines review");
  });

  it("asks a member of two workstreams which one they mean", async () => {
    await secondWorkstream();
    const reply = await h.say("sam", "/meeting list", "dm");
    expect(reply.error).toBe("workstream.which");
    expect(reply.text).toContain("2 workstreams");
    expect(reply.text).toContain("in ");
  });

  it("answers a member of two workstreams who names one with `in <name>`", async () => {
    await secondWorkstream();
    const forum = await h.say("sam", "/meeting list in Carers forum", "dm");
    expect(forum.error).toBeUndefined();
    expect(forum.text).toContain("Forum catch-up");
    expect(forum.text).not.toContain("Medicines review");
    const medication = await h.say("sam", "/meeting list in medication safety", "dm");
    expect(medication.error).toBeUndefined();
    expect(medication.text).toContain("Medicines review");
    expect(medication.text).not.toContain("Forum catch-up");
  });

  it("tells someone in no workstream that they are not in one yet", async () => {
    const reply = await h.say("pat", "/meeting list", "dm");
    expect(reply.error).toBe("workstream.none");
  });
});

describe("/workstream setup", () => {
  it("refuses to set up a workstream in a direct message", async () => {
    const reply = await h.say("pat", "/workstream setup Carers forum", "dm");
    expect(reply.error).toBe("workstream.setup-in-dm");
    expect(reply.text).toContain("/workstream setup");
    expect(h.store.workstreams.byName("Carers forum")).toBeUndefined();
    expect(h.store.workstreams.all()).toHaveLength(1);
  });

  it("makes the person who sets it up its coordinator", async () => {
    const reply = await sayIn(h, "pat", "/workstream setup Carers forum", "test:#carers");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Carers forum");
    expect(reply.text).toContain("coordinator");
    const cancel = await sayIn(h, "pat", "/help all", "test:#carers");
    expect(cancel.text).toContain("/meeting cancel");
  });

  it("refuses to set up a second workstream in the same channel", async () => {
    const reply = await h.say("pat", "/workstream setup Another group");
    expect(reply.error).toBe("workstream.exists");
    expect(reply.text).toContain("Medication safety");
    expect(h.store.workstreams.byName("Another group")).toBeUndefined();
  });

  it("refuses a name another workstream already has", async () => {
    const reply = await sayIn(h, "pat", "/workstream setup medication Safety", "test:#other");
    expect(reply.error).toBe("workstream.name-taken");
    expect(h.store.workstreams.byChannel("test:#other")).toBeUndefined();
  });
});

describe("/workstream add", () => {
  it("adds people named by Slack mentions with spaces in their names, with their group", async () => {
    const reply = await h.say("cora", "/workstream add <@U1|Sam Jones> <@U3|Mary Ann Lee> as carer");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Sam Jones");
    expect(reply.text).toContain("Mary Ann Lee");
    expect(reply.text).toContain("carer");
    const summary = await h.say("cora", "/workstream");
    expect(summary.text).toMatch(/Carers: .*Mary Ann Lee/);
    expect(summary.text).toMatch(/Carers: .*Sam Jones/);
    const sent = await delivered(h);
    expect(sent.map((s) => s.address).sort()).toEqual(["test:U1", "test:U3"]);
    expect(sent[0]?.text).toContain("Medication safety");
  });

  it("adds someone named by a bare mention, keeping the name the bot already knows", async () => {
    await sayAs(h, { key: "test:U2", name: "Pat Doe", dm: "test:D2" }, "/help", "dm");
    const reply = await h.say("cora", "/workstream add <@U2>");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Pat Doe");
    const sent = await delivered(h);
    expect(sent.map((s) => s.address)).toEqual(["test:D2"]);
    expect(sent[0]?.text).toContain("Pat Doe");
    const summary = await h.say("cora", "/workstream");
    expect(summary.text).toMatch(/Other: .*Pat Doe/);
  });

  it("refuses a group that does not exist, listing the groups, and adds nobody", async () => {
    const before = snapshot(h);
    const reply = await h.say("cora", "/workstream add <@pat|Pat> as patient");
    expect(reply.error).toBeDefined();
    for (const group of [
      "service-user",
      "carer",
      "official",
      "clinician",
      "third-sector",
      "independent",
      "other",
    ]) {
      expect(reply.text).toContain(group);
    }
    expect(reply.text).toContain("For example");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses an add with nobody named", async () => {
    const reply = await h.say("cora", "/workstream add everyone");
    expect(reply.error).toBeDefined();
    expect(reply.text).toContain("For example");
  });
});

describe("/workstream group", () => {
  it("lets a member set their own group", async () => {
    const reply = await h.say("sam", "/workstream group <@sam|Sam> carer");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("carer");
    expect(member("sam")?.group).toBe("carer");
  });

  it("does not let a member set someone else's group", async () => {
    const reply = await h.say("sam", "/workstream group <@kim|Kim> official");
    expect(reply.error).toBe("member.group-not-allowed");
    expect(reply.text).toContain("your own");
    expect(member("kim")?.group).toBe("carer");
  });

  it("lets the coordinator set anyone's group", async () => {
    const reply = await h.say("cora", "/workstream group <@kim|Kim> clinician");
    expect(reply.error).toBeUndefined();
    expect(member("kim")?.group).toBe("clinician");
  });

  it("refuses a group that does not exist, listing the groups", async () => {
    const reply = await h.say("sam", "/workstream group <@sam|Sam> patient");
    expect(reply.error).toBeDefined();
    expect(reply.text).toContain("service-user");
    expect(reply.text).toContain("third-sector");
    expect(member("sam")?.group).toBe("service-user");
  });
});

describe("/workstream role", () => {
  it("makes someone a coordinator, a chair, or a member again", async () => {
    expect((await h.say("cora", "/workstream role <@sam|Sam> coordinator")).text).toContain(
      "Sam is now a coordinator",
    );
    expect(member("sam")?.role).toBe("coordinator");
    expect((await h.say("sam", "/help all")).text).toContain("/meeting cancel");

    expect((await h.say("cora", "/workstream role <@kim|Kim> chair")).text).toContain("Kim is now a chair");
    expect(member("kim")?.role).toBe("chair");

    expect((await h.say("cora", "/workstream role <@sam|Sam> member")).text).toContain("Sam is now a member");
    expect(member("sam")?.role).toBe("member");
    expect((await h.say("sam", "/help all")).text).not.toContain("/meeting cancel");
  });

  it("refuses to make the only coordinator a member", async () => {
    const reply = await h.say("chris", "/workstream role <@cora|Cora> member");
    expect(reply.error).toBe("member.last-coordinator");
    expect(member("cora")?.role).toBe("coordinator");
  });

  it("refuses a role that does not exist", async () => {
    const reply = await h.say("cora", "/workstream role <@sam|Sam> boss");
    expect(reply.error).toBeDefined();
    expect(reply.text).toContain("chair, coordinator, member");
    expect(member("sam")?.role).toBe("member");
  });

  it("refuses to give a role to someone who is not in the workstream", async () => {
    const reply = await h.say("cora", "/workstream role <@pat|Pat> chair");
    expect(reply.error).toBe("member.not-found");
    expect(reply.text).toContain("/workstream add");
  });
});

describe("/workstream remove", () => {
  it("refuses to remove the only coordinator", async () => {
    const reply = await h.say("chris", "/workstream remove <@cora|Cora>");
    expect(reply.error).toBe("member.last-coordinator");
    expect(member("cora")?.role).toBe("coordinator");
  });

  it("removes a member but keeps who they were, and they can no longer use member commands", async () => {
    const reply = await h.say("cora", "/workstream remove <@kim|Kim>");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Kim");
    expect(member("kim")).toBeUndefined();
    expect(h.store.people.byKey("test:kim")?.name).toBe("Kim");
    const afterwards = await h.say("kim", "/meeting list");
    expect(afterwards.error).toBe("member.not-member");
    const summary = await h.say("cora", "/workstream");
    expect(summary.text).not.toContain("Kim");
  });

  it("sends nothing more to a removed member", async () => {
    await h.say("cora", "/workstream remove <@kim|Kim>");
    await h.say("cora", "/meeting schedule next tuesday 2pm Medicines review");
    await h.say("cora", "/meeting cancel M-1");
    const sent = await delivered(h);
    expect(sent.some((s) => s.address === "test:sam")).toBe(true);
    expect(sent.some((s) => s.address === "test:kim")).toBe(false);
  });
});

describe("/workstream set", () => {
  it("changes a setting and says so", async () => {
    const reply = await h.say("cora", "/workstream set papers-lead-days 10");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("papers-lead-days is now 10");
    expect(h.store.workstreams.byChannel(h.channel)?.settings["papers-lead-days"]).toBe(10);
  });

  it("refuses a value out of range with the range and an example, changing nothing", async () => {
    const before = snapshot(h);
    const reply = await h.say("chris", "/workstream set papers-lead-days 400");
    expect(reply.error).toBe("setting.invalid");
    expect(reply.text).toContain("1 to 60");
    expect(reply.text).toContain("/workstream set papers-lead-days");
    expect(snapshot(h)).toBe(before);
  });

  it("refuses a setting it does not know, listing the settings", async () => {
    const reply = await h.say("cora", "/workstream set reminders off");
    expect(reply.error).toBe("setting.unknown");
    expect(reply.text).toContain("quiet-hours");
    expect(reply.text).toContain("papers-lead-days");
  });

  it("refuses 'constructor' as an unknown setting rather than failing", async () => {
    const reply = await h.say("cora", "/workstream set constructor 1");
    expect(reply.error).toBe("setting.unknown");
  });
});

describe("/workstream for each role", () => {
  it("shows the settings to the chair and coordinator, and keeps a member's view plain", async () => {
    const g = createHarness();
    try {
      await seedGroup(g);
      expect((await g.say("cora", "/workstream")).text).toContain("Settings: timezone Europe/London");
      const member = (await g.say("sam", "/workstream")).text;
      expect(member).toContain("Chairs: Chris");
      expect(member).not.toContain("papers-lead-days");
    } finally {
      g.cleanup();
    }
  });
});
