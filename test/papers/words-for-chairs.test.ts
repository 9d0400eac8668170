import { afterEach, describe, expect, it } from "vitest";
import type { Button } from "../../src/messages/message.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click, formOf, recipientsOf, submit, textOf } from "./papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Cora (coordinator), Chris (the only chair), members Sam, Kim and Lee. M-1 is on Friday
// 11 December, 2pm; its papers go out on Friday 4 December, the reminder on Wednesday 9th.
async function papersSent(options: { coChair?: boolean } = {}) {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  if (options.coChair) await h.say("cora", "/workstream role <@kim|Kim> chair");
  await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
  await h.say("chris", "/papers add M-1 https://example.org/budget.pdf Budget 2027");
  h.clock.set("2026-12-04T14:00:00Z");
  await h.bot.tick();
}

const labelsTo = (who: string): string[] =>
  h.gateway
    .to(`test:${who}`)
    .flatMap((s) => s.message.blocks)
    .flatMap((b) => (b.kind === "buttons" ? b.buttons.map((x: Button) => x.label) : []));

const papersTo = (who: string) =>
  h.gateway.to(`test:${who}`).find((s) => s.text.includes("the papers for *Medication review*"))?.text ?? "";

async function remindersSent() {
  h.clock.set("2026-12-09T14:00:00Z");
  await h.bot.tick();
}

const reminderTo = (who: string) =>
  h.gateway.to(`test:${who}`).find((s) => s.text.includes("gentle reminder about the papers"))?.text ?? "";

describe("the papers, written for the chair", () => {
  it("doesn't offer the chair a question for the chair", async () => {
    await papersSent();
    expect(labelsTo("chris")).toEqual(["I've read them", "Another format, please"]);
    expect(papersTo("chris")).not.toContain("the chair");
    expect(labelsTo("sam")).toContain("Question for the chair");
    expect(labelsTo("cora")).toContain("Question for the chair");
  });

  it("offers a chair with a co-chair a question for the other chair, which only the other chair gets", async () => {
    await papersSent({ coChair: true });
    expect(labelsTo("chris")).toContain("Question for the other chair");
    expect(papersTo("chris")).toContain("you can ask Kim (the chair) privately");
    const opened = click(h, "chris", button(h, "chris", "Question for the other chair"));
    expect(formOf(opened).intro).toContain("Ask Kim (the chair) anything");
    h.gateway.clear();
    const sent = submit(h, "chris", opened, { question: "Shall we take the budget first?" });
    expect(textOf(sent)).toContain("I've sent your question to Kim (the chair)");
    await h.bot.deliver();
    expect(recipientsOf(h, "Shall we take the budget first?")).toEqual(["test:kim"]);
  });

  it("tells the chair who can see they've read them, not 'the chair and coordinator'", async () => {
    await papersSent();
    const thanked = textOf(click(h, "chris", button(h, "chris", "I've read them")));
    expect(thanked).toContain(
      "Thank you, Chris — I've noted that you've read them. Cora can see that you have.",
    );
    expect(thanked).not.toContain("The chair and coordinator");
    const member = textOf(click(h, "sam", button(h, "sam", "I've read them")));
    expect(member).toContain("The chair and coordinator can see that you have.");
  });

  it("doesn't tell the chair to press 'I've read them' so the chair knows", async () => {
    await papersSent();
    await remindersSent();
    const chris = reminderTo("chris");
    expect(chris).toContain(`If you've already read them, press "I've read them" so Cora knows.`);
    expect(chris).not.toContain("so the chair knows");
    expect(chris).not.toContain("ask a question");
    expect(reminderTo("sam")).toContain(`press "I've read them" so the chair knows. If something is unclear`);
  });

  it("tells the coordinator in their reminder that it's the chair who will know", async () => {
    await papersSent();
    await remindersSent();
    expect(reminderTo("cora")).toContain(`press "I've read them" so Chris knows. If something is unclear`);
  });
});

describe("paper ids", () => {
  it("doesn't show members paper numbers they can't use", async () => {
    await papersSent();
    expect(papersTo("sam")).toContain("*Budget 2027*: https://example.org/budget.pdf");
    expect(papersTo("sam")).not.toContain("PA-1");
    expect((await h.say("sam", "/papers")).text).not.toContain("PA-1");
  });

  it("still shows chairs and coordinators the paper numbers", async () => {
    await papersSent();
    expect(papersTo("chris")).toContain("*Budget 2027* (PA-1)");
    expect(papersTo("cora")).toContain("*Budget 2027* (PA-1)");
    expect((await h.say("cora", "/papers")).text).toContain("*Budget 2027* (PA-1)");
  });

  it("keeps the meeting number members can use in /papers M-1", async () => {
    await papersSent();
    expect((await h.say("sam", "/papers")).text).toContain("Papers for M-1 *Medication review*");
  });
});
