import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" }); // a Tuesday morning
  await seedGroup(h);
}

const channelPosts = () => h.gateway.sent.filter((s) => s.address === h.channel).map((s) => s.text);
const invited = () =>
  h.gateway.sent
    .filter((s) => s.text.includes("would like to hear how you think"))
    .map((s) => s.address.replace(/^test:/, ""))
    .sort();

describe("/groundrules", () => {
  it("shows the nine Stage 4 questions, each 'not agreed yet' until the chair records an answer", async () => {
    await group();
    const r = await h.say("sam", "/groundrules");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain("the group hasn't agreed any yet");
    for (const q of [
      "1. How will the group get to know one another? — not agreed yet",
      "2. How will we make sure everyone has a voice?",
      "3. How will we deal with differences of opinion?",
      "4. How will we deal with specialist issues?",
      "5. How will we share responsibility for decisions?",
      "6. How will we deal with dissent?",
      "7. What support do individuals need?",
      "8. Are key stakeholders missing?",
      "9. Are skills missing? — not agreed yet",
    ]) {
      expect(r.text).toContain(q);
    }
  });

  it("records an agreed answer, posts it in the channel, and shows it with the day it was agreed", async () => {
    await group();
    const r = await h.say("chris", "/groundrules set 2 Everyone speaks once before anyone speaks twice");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain("Recorded ground rule 2 for *Medication safety*, and posted it in the channel.");
    await h.bot.deliver();
    expect(channelPosts().join("\n")).toContain(
      "The group has agreed a ground rule. 2. How will we make sure everyone has a voice? *Everyone speaks once before anyone speaks twice*",
    );
    const shown = await h.say("kim", "/groundrules", "dm");
    expect(shown.text).toContain(
      "2. How will we make sure everyone has a voice? — *Everyone speaks once before anyone speaks twice* (agreed Tuesday 1 December)",
    );
    expect(shown.text).toContain("1. How will the group get to know one another? — not agreed yet");
  });

  it("keeps the history when an answer is agreed again: the newest one shows, the earlier one stays", async () => {
    await group();
    await h.say("chris", "/groundrules set 6 We park it and come back to it");
    h.clock.set("2026-12-08T10:00:00Z");
    const r = await h.say("chris", "/groundrules set 6 We record it, park it and revisit it within a month");
    expect(r.text).toContain(
      "It replaces the answer agreed on Tuesday 1 December, which is kept in the history.",
    );
    const shown = await h.say("sam", "/groundrules");
    expect(shown.text).toContain(
      "*We record it, park it and revisit it within a month* (agreed Tuesday 8 December, changed since first agreed)",
    );
    expect(shown.text).not.toContain("We park it and come back to it");
    const rows = h.db.prepare("SELECT answer FROM ground_rules_agreed ORDER BY id").pluck().all();
    expect(rows).toEqual([
      "We park it and come back to it",
      "We record it, park it and revisit it within a month",
    ]);
  });

  it("refuses a question number it can't read, or no answer, with an example, and changes nothing", async () => {
    await group();
    for (const text of [
      "/groundrules set 0 Kindness",
      "/groundrules set 10 Kindness",
      "/groundrules set two Kindness",
      "/groundrules set",
    ]) {
      const r = await h.say("chris", text);
      expect(r.error, text).toBe("groundrules.set");
      expect(r.text).toContain("from 1 to 9");
      expect(r.text).toContain(
        "For example: `/groundrules set 2 Everyone speaks once before anyone speaks twice`.",
      );
    }
    const empty = await h.say("chris", "/groundrules set 4");
    expect(empty.error).toBe("groundrules.set");
    expect(empty.text).toContain("Please write the answer the group agreed after the number 4.");
    const long = await h.say("chris", `/groundrules set 4 ${"a".repeat(501)}`);
    expect(long.error).toBe("text.too-long");
    expect(long.text).toContain("please keep it to 500");
    expect(h.db.prepare("SELECT COUNT(*) FROM ground_rules_agreed").pluck().get()).toBe(0);
    const extra = await h.say("sam", "/groundrules please");
    expect(extra.text).toContain("give just its number, from 1 to 9. For example: `/groundrules 3`.");
    expect(extra.error).toBe("groundrules.usage");
  });
});

describe("/groundrules ask", () => {
  it("sends the questions privately to every other member, shows the chair only how many answered while open, and sends the summary when it closes", async () => {
    await group();
    const r = await h.say("chris", "/groundrules ask");
    expect(r.error).toBeUndefined();
    // No meeting booked: it stays open for a week.
    expect(r.text).toContain(
      "I've sent the ground-rules questions privately to 4 members of *Medication safety*. They can answer until Tuesday 8 December, 10am.",
    );
    await h.bot.deliver();
    expect(invited()).toEqual(["cora", "kim", "lee", "sam"]);
    expect(channelPosts()).toEqual([]);

    const drive = checkInDriver(h);
    drive.look();
    expect(drive.screen("sam")).toContain(
      "Answer any you like and skip the rest. Only the chairs will see your answers, and you can answer anonymously.",
    );
    const form = drive.press("sam", "Answer the questions");
    expect(form.kind).toBe("form");
    if (form.kind !== "form") return;
    expect(form.form.fields.map((f) => f.id)).toEqual([
      "q1",
      "q2",
      "q3",
      "q4",
      "q5",
      "q6",
      "q7",
      "q8",
      "q9",
      "share",
    ]);
    expect(form.form.fields.slice(0, 9).every((f) => f.optional)).toBe(true);
    const done = drive.submit("sam", {
      q2: "Go round the table",
      q7: "Papers in large print",
      share: "share",
    });
    expect(done.kind).toBe("update");
    expect(drive.screen("sam")).toContain(
      "Thank you, Sam. Your answers will go to the chairs when the questions close, with your name.",
    );

    const open = await h.say("chris", "/groundrules summary");
    expect(open.text).toContain("So far 1 of 4 members have answered.");
    expect(open.text).not.toContain("Go round the table");

    // Asking again while it is open is refused.
    expect((await h.say("chris", "/groundrules ask")).error).toBe("groundrules.already-open");

    h.clock.set("2026-12-08T10:00:00Z");
    await h.bot.tick();
    const summary = h.gateway
      .to("test:chris")
      .map((s) => s.text)
      .join("\n");
    expect(summary).toContain(
      "What members said about how *Medication safety* should work together: 1 of 4 members answered.",
    );
    expect(summary).toContain("2. How will we make sure everyone has a voice?");
    expect(summary).toContain('Sam: "Go round the table"');
    expect(summary).toContain('Sam: "Papers in large print"');
    expect(summary).toContain("Only the chairs see this.");
    // Nobody else gets it.
    expect(h.gateway.sent.filter((s) => s.text.includes("Go round the table")).map((s) => s.address)).toEqual(
      ["test:chris"],
    );
    // A second tick sends nothing more.
    const before = h.gateway.sent.length;
    await h.bot.tick();
    expect(h.gateway.sent.length).toBe(before);
    // And the button no longer takes answers.
    const late = drive.press("kim", "Answer the questions");
    expect(late.kind).toBe("reply");
    if (late.kind === "reply") expect(late.message.text).toContain("these questions have closed now");
  });

  it("closes at the start of the next meeting when that is between a day and a week away", async () => {
    await group();
    await h.say("chris", "/meeting schedule 2026-12-04 14:00 Planning");
    const r = await h.say("chris", "/groundrules ask");
    expect(r.text).toContain("They can answer until Friday 4 December, 2pm.");
  });

  it("takes one set of answers per person: a second submission, or an empty form, records nothing", async () => {
    await group();
    await h.say("chris", "/groundrules ask");
    await h.bot.deliver();
    const drive = checkInDriver(h);
    drive.look();
    drive.press("kim", "Answer the questions");
    const empty = drive.submit("kim", { share: "share" });
    expect(empty.kind).toBe("reply");
    if (empty.kind === "reply")
      expect(empty.message.text).toContain("You didn't write anything, so nothing was sent.");
    drive.press("kim", "Answer the questions");
    drive.submit("kim", { q1: "A cup of tea first", share: "share" });
    const again = h.bot.action({
      platform: "test",
      actor: h.person("kim"),
      action: "groundrules.answer-sent",
      value: String(h.db.prepare("SELECT id FROM ground_rules_rounds").pluck().get()),
      fields: { q1: "Something else", share: "share" },
    });
    expect(again.kind).toBe("reply");
    if (again.kind === "reply") expect(again.message.text).toContain("You've already sent your answers.");
    expect(h.db.prepare("SELECT answer FROM ground_rules_answers").pluck().all()).toEqual([
      "A cup of tea first",
    ]);
  });

  it("asks someone who joins while it is open too, once", async () => {
    await group();
    await h.say("chris", "/groundrules ask");
    await h.say("cora", "/workstream add <@newbie|Newbie>");
    await h.say("cora", "/workstream remove <@newbie|Newbie>");
    await h.say("cora", "/workstream add <@newbie|Newbie>");
    await h.bot.deliver();
    expect(invited()).toEqual(["cora", "kim", "lee", "newbie", "sam"]);
    const drive = checkInDriver(h);
    drive.look();
    expect(drive.screen("newbie")).toContain("Hi Newbie — Chris would like to hear how you think");
    drive.press("newbie", "Answer the questions");
    drive.submit("newbie", { q1: "Name badges", share: "share" });
    expect((await h.say("chris", "/groundrules summary")).text).toContain(
      "So far 1 of 5 members have answered.",
    );
  });

  it("is for the chair only; the summary before anyone was asked says how to ask", async () => {
    await group();
    expect((await h.say("sam", "/groundrules ask")).error).toBe("permission.denied");
    expect((await h.say("chris", "/groundrules summary")).error).toBe("groundrules.none");
  });
});

describe("/groundrules <1-9>", () => {
  it("shows one rule with every earlier answer, newest first", async () => {
    await group();
    await h.say("chris", "/groundrules set 6 We park it");
    h.clock.set("2026-12-08T10:00:00Z");
    await h.say("chris", "/groundrules set 6 We park it and come back to it");
    h.clock.set("2026-12-15T10:00:00Z");
    await h.say("chris", "/groundrules set 6 We record it, park it and revisit it within a month");
    const r = await h.say("sam", "/groundrules 6");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain(
      "6. How will we deal with dissent? The group agreed: *We record it, park it and revisit it within a month* (Tuesday 15 December).",
    );
    expect(r.text).toContain(
      'Agreed before that:\n• Tuesday 8 December: "We park it and come back to it"\n• Tuesday 1 December: "We park it"',
    );
    expect((await h.say("sam", "/groundrules 4")).text).toContain(
      "4. How will we deal with specialist issues? — not agreed yet.",
    );
    const bad = await h.say("sam", "/groundrules 12");
    expect(bad.error).toBe("groundrules.usage");
    expect(bad.text).toContain("give just its number, from 1 to 9. For example: `/groundrules 3`.");
  });
});
