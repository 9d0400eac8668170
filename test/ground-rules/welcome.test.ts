import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
}

async function welcomeFor(who: string) {
  await h.say("cora", `/workstream add <@${who}|${who[0]?.toUpperCase()}${who.slice(1)}>`);
  await h.bot.deliver();
  const drive = checkInDriver(h);
  drive.look();
  return drive;
}

describe("a new member's welcome", () => {
  it("names the chair, gives the agreed ground rules and the glossary's size, and offers a one-to-one", async () => {
    await group();
    await h.say("chris", "/groundrules set 2 Everyone speaks once before anyone speaks twice");
    await h.say("chris", "/groundrules set 6 We record it, park it and come back to it");
    await h.say("cora", "/glossary add ICB = Integrated Care Board");
    await h.say("cora", "/glossary add GP = your family doctor");
    const drive = await welcomeFor("newbie");
    const text = drive.screen("newbie");
    expect(text).toContain("Hi Newbie — Cora has added you to *Medication safety*. Welcome.");
    expect(text).toContain("Chris is the chair.");
    expect(text).toContain("How the group has agreed to work together:");
    expect(text).toContain(
      "How will we make sure everyone has a voice? *Everyone speaks once before anyone speaks twice*",
    );
    expect(text).toContain("How will we deal with dissent? *We record it, park it and come back to it*");
    expect(text).not.toContain("not agreed yet");
    expect(text).toContain("The glossary explains 2 words the group uses");
    expect(text).toContain("you can ask for a one-to-one");

    h.gateway.clear();
    const asked = drive.press("newbie", "Ask for a one-to-one");
    expect(asked.kind).toBe("reply");
    if (asked.kind === "reply") expect(JSON.stringify(asked.message)).toContain("I've let the chair of");
    await h.bot.deliver();
    expect(
      h.gateway
        .to("test:chris")
        .map((s) => s.text)
        .join("\n"),
    ).toContain("Newbie asked for a one-to-one");
    // Pressing it again asks once.
    drive.press("newbie", "Ask for a one-to-one");
    await h.bot.deliver();
    expect(h.gateway.to("test:chris")).toHaveLength(1);
  });

  it("says plainly when no ground rules are agreed yet, and leaves out an empty glossary", async () => {
    await group();
    const drive = await welcomeFor("newbie");
    const text = drive.screen("newbie");
    expect(text).toContain("The group hasn't agreed its ground rules yet.");
    expect(text).not.toContain("glossary explains");
  });

  it("stops the one-to-one button working for someone removed since", async () => {
    await group();
    const drive = await welcomeFor("newbie");
    await h.say("cora", "/workstream remove <@newbie|Newbie>");
    const r = drive.press("newbie", "Ask for a one-to-one");
    expect(r.kind === "reply" && JSON.stringify(r.message)).toContain("no longer in this workstream");
  });
});
