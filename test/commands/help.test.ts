import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/catalog.ts";
import { allowed } from "../../src/commands/spec.ts";
import type { Role } from "../../src/domain/roles.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

/** The commands a help answer lists: each list line starts with a command in backticks. */
function commandsIn(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("• `/"))
    .map((line) => line.slice(3, line.indexOf("`", 3)));
}

/** How many commands a role may use inside a workstream. */
function usableBy(role: Role): number {
  return COMMANDS.filter((c) => allowed(c.who, role) && !c.outsideWorkstreamOnly).length;
}

describe("/help is short", () => {
  it("shows a member at most eight commands, grouped by what they want to do", async () => {
    const reply = await h.say("sam", "/help");
    expect(reply.error).toBeUndefined();
    const shown = commandsIn(reply.text);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(8);
    for (const topic of ["*Before a meeting*", "*Say what you think*", "*Get help*"]) {
      expect(reply.text).toContain(topic);
    }
    expect(reply.text).toContain("`/meeting list` — see the meetings coming up");
    expect(reply.text).toContain("`/papers` — see the papers for the next meeting");
    expect(reply.text).toContain("`/support <what you need>`");
    expect(reply.text.split(/\s+/).length).toBeLessThan(160);
  });

  it("tells a member there is more, and how to see it", async () => {
    const reply = await h.say("sam", "/help");
    const more = usableBy("member") - commandsIn(reply.text).length;
    expect(reply.text).toContain(`There are ${more} more: type \`/help all\` to see everything you can do.`);
  });

  it("shows a coordinator and a chair a short list too, not thirty commands", async () => {
    for (const who of ["cora", "chris"]) {
      const reply = await h.say(who, "/help");
      expect(commandsIn(reply.text).length, who).toBeLessThanOrEqual(8);
      expect(reply.text, who).toContain("/help all");
    }
    expect((await h.say("cora", "/help")).text).toContain("`/support done <S-n>`");
    expect((await h.say("chris", "/help")).text).toContain("`/meeting end` — end the meeting now");
  });

  it("never shows a member a command they can't use, even in the short list", async () => {
    const reply = await h.say("sam", "/help");
    for (const hidden of ["/meeting schedule", "/papers add", "/park ", "/support done", "/digest"]) {
      expect(reply.text).not.toContain(hidden);
    }
  });
});

describe("/help all", () => {
  it("lists everything a member may use, grouped, with examples", async () => {
    const reply = await h.say("sam", "/help all");
    expect(reply.error).toBeUndefined();
    expect(commandsIn(reply.text)).toHaveLength(usableBy("member"));
    expect(reply.text).toContain("*Before a meeting*");
    expect(reply.text).toContain("For example: `/dissent withdraw D-3`");
    expect(reply.text).not.toContain("/meeting cancel");
  });

  it("lists everything a coordinator and a chair may use", async () => {
    expect(commandsIn((await h.say("cora", "/help all")).text)).toHaveLength(usableBy("coordinator"));
    expect(commandsIn((await h.say("chris", "/help all")).text)).toHaveLength(usableBy("chair"));
  });

  it("works through the umbrella command and in a direct message", async () => {
    const umbrella = await h.say("sam", "/commonpurpose help all");
    expect(commandsIn(umbrella.text)).toHaveLength(usableBy("member"));
    const dm = await h.say("sam", "/help all", "dm");
    expect(commandsIn(dm.text)).toHaveLength(usableBy("member"));
  });
});

describe("help for one command", () => {
  it("still answers /meeting help with the meeting commands I may use", async () => {
    const reply = await h.say("sam", "/meeting help");
    expect(commandsIn(reply.text)).toEqual(["/meeting list"]);
  });

  it("answers /help papers the same as /papers help", async () => {
    const a = await h.say("chris", "/help papers");
    const b = await h.say("chris", "/papers help");
    expect(a.text).toBe(b.text);
    expect(a.text).toContain("/papers add");
  });
});

describe("/help in a private chat", () => {
  it("tells someone in no workstream that they are in none, not that the chat is no workstream's channel", async () => {
    const reply = await h.say("nia", "/help", "dm");
    expect(reply.text).toContain("You're not in a workstream yet.");
    expect(reply.text).not.toContain("channel yet");
    expect(commandsIn(reply.text)).toContain("/workstream setup <name>");
  });

  it("shows a member of one workstream that workstream's short help", async () => {
    const reply = await h.say("sam", "/help", "dm");
    expect(reply.text).toContain("`/meeting list` — see the meetings coming up");
    expect(reply.text).not.toContain("workstream yet");
  });

  it("names the workstreams of someone in two, and how to ask about one", async () => {
    await h.bot.command({
      platform: "test",
      actor: h.person("cora"),
      channel: "test:#second",
      text: "/workstream setup Discharge planning",
    });
    await h.bot.command({
      platform: "test",
      actor: h.person("cora"),
      channel: "test:#second",
      text: "/workstream add <@sam|Sam>",
    });
    const reply = await h.say("sam", "/help", "dm");
    expect(reply.text).toContain("You're in 2 workstreams: *Discharge planning* and *Medication safety*.");
    expect(reply.text).toContain("`/help in Discharge planning`");
    expect(reply.text).not.toContain("channel yet");
    const inOne = await h.say("sam", "/help in Medication safety", "dm");
    expect(inOne.text).toContain("`/meeting list` — see the meetings coming up");

    // A closed one is marked, and the example is one still open.
    const discharge = h.store.workstreams.byName("Discharge planning");
    if (!discharge) throw new Error("no second workstream");
    h.store.workstreams.close(discharge.id, h.clock.now());
    const later = await h.say("sam", "/help", "dm");
    expect(later.text).toContain("*Discharge planning* (closed) and *Medication safety*");
    expect(later.text).toContain("`/help in Medication safety`");
  });
});
