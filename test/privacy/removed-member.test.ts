import { afterEach, describe, expect, it } from "vitest";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import { snapshot } from "../helpers/core-commands.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click, formOf, submit, textOf } from "../papers/papers-helpers.ts";

/**
 * PRODUCT.md §15: someone removed from a workstream can no longer act through the messages
 * they were sent before. Each old button and each form they still had open answers the same
 * refusal, and changes nothing: no row is written, nothing is queued, nobody is told anything.
 */
const REFUSAL = "You're no longer in this workstream, so this button doesn't work any more.";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

async function removeSam() {
  const removed = await h.say("cora", "/workstream remove <@sam|Sam>");
  expect(removed.text).toContain("Sam has been removed");
  await h.bot.deliver();
}

/** The click is refused with the one sentence, and nothing anywhere changed because of it. */
async function refusedAndNothingChanged(act: () => ActionResult) {
  const before = snapshot(h);
  const sentBefore = h.gateway.sent.length;
  const result = act();
  expect(result.kind).toBe("reply");
  expect(textOf(result)).toBe(REFUSAL);
  expect(snapshot(h)).toBe(before);
  await h.bot.deliver();
  expect(h.gateway.sent.slice(sentBefore).map((s) => s.text)).toEqual([]);
}

describe("someone removed from a workstream, using the messages they had", () => {
  it("cannot answer their old check-in, nor send the comment form they had open", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Medication review");
    h.clock.set("2026-12-01T12:00:00Z");
    await h.bot.tick();
    // Sam gets as far as the comment question and opens the form; Lee has not started.
    let screen = click(h, "sam", button(h, "sam", "Yes, I was there"));
    const next = (label: string) => {
      if (screen.kind !== "update") throw new Error("expected the next question");
      const b = screen.message.blocks
        .flatMap((block) => (block.kind === "buttons" ? block.buttons : []))
        .find((x) => x.label.startsWith(label));
      if (!b) throw new Error(`no ${label} button`);
      return b;
    };
    screen = click(h, "sam", next("Partly"));
    screen = click(h, "sam", next("No"));
    const writeSomething = next("Write something");
    const commentForm = click(h, "sam", writeSomething);
    formOf(commentForm);
    const leesFirst = button(h, "lee", "Yes, I was there");
    await removeSam();

    await refusedAndNothingChanged(() =>
      submit(h, "sam", commentForm, { comment: "written after I was removed" }),
    );
    // The buttons of the check-in message Sam still has (the first question's, and the later ones).
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Yes, I was there")));
    await refusedAndNothingChanged(() => click(h, "sam", writeSomething));
    // The status the chair sees, and the summary when it closes, do not count Sam's answer.
    click(h, "lee", leesFirst);
    h.clock.set("2026-12-04T12:00:00Z");
    await h.bot.tick();
    const summary = h.gateway
      .to("test:chris")
      .map((s) => s.text)
      .join("\n");
    expect(summary).not.toContain("written after I was removed");
  });

  it("cannot confirm, edit or withdraw a view the chair recorded for them", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/dissent <@sam|Sam> The rota is unsafe");
    await h.bot.deliver();
    const editForm = click(h, "sam", button(h, "sam", "Edit the wording"));
    formOf(editForm);
    await removeSam();

    await refusedAndNothingChanged(() => submit(h, "sam", editForm, { view: "Edited after I was removed" }));
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Edit the wording")));
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Withdraw it")));
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Yes, that's fair")));
    const register = (await h.say("kim", "/dissent list")).text;
    expect(register).toContain("The rota is unsafe");
    expect(register).not.toContain("Edited after I was removed");
    expect(register).not.toContain("withdrawn");
  });

  it("cannot confirm reading, ask the chair, or ask for another format from old papers", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
    await h.say("chris", "/papers add https://example.org/budget.pdf Budget 2027");
    await h.say("chris", "/papers send");
    await h.bot.deliver();
    const questionForm = click(h, "sam", button(h, "sam", "Question for the chair"));
    const formatForm = click(h, "sam", button(h, "sam", "Another format, please"));
    await removeSam();

    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "I've read them")));
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Question for the chair")));
    await refusedAndNothingChanged(() =>
      submit(h, "sam", questionForm, { question: "Asked after removal?" }),
    );
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "Another format, please")));
    await refusedAndNothingChanged(() =>
      submit(h, "sam", formatForm, { format: "large-print", details: "Posted after removal" }),
    );
    expect((await h.say("chris", "/papers")).text).not.toContain("Sam");
  });

  it("cannot answer the day-before reminder, nor send apologies with a note", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-03 14:00 Medication review");
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    const apologies = click(h, "sam", button(h, "sam", "I can't make it"));
    formOf(apologies);
    await removeSam();

    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "I'll be there")));
    await refusedAndNothingChanged(() => click(h, "sam", button(h, "sam", "I can't make it")));
    await refusedAndNothingChanged(() => submit(h, "sam", apologies, { note: "Sent after removal" }));
  });

  it("a chair who was removed cannot answer a question sent to them before", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/workstream add <@pat|Pat> as official");
    await h.say("cora", "/workstream role <@pat|Pat> chair");
    await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
    await h.say("chris", "/papers add https://example.org/budget.pdf Budget 2027");
    await h.say("chris", "/papers send");
    await h.bot.deliver();
    submit(h, "kim", click(h, "kim", button(h, "kim", "Question for the chair")), { question: "Why now?" });
    await h.bot.deliver();
    const answerForm = click(h, "chris", button(h, "chris", "Answer"));
    await h.say("cora", "/workstream remove <@chris|Chris>");
    await h.bot.deliver();

    await refusedAndNothingChanged(() => click(h, "chris", button(h, "chris", "Answer")));
    await refusedAndNothingChanged(() =>
      submit(h, "chris", answerForm, { answer: "Answered after removal" }),
    );
  });

  it("works again for someone added back", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/dissent <@sam|Sam> The rota is unsafe");
    await h.bot.deliver();
    await removeSam();
    await h.say("cora", "/workstream add <@sam|Sam> as service-user");
    const confirmed = click(h, "sam", button(h, "sam", "Yes, that's fair"));
    expect(textOf(confirmed)).toContain("D-1 is confirmed");
  });
});
