import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click, formOf, recipientsOf, submit, textOf } from "./papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const QUESTION = "What does the red line on page 4 mean for carers?";
const ANSWER = "It shows the money set aside for respite care next year.";

// Cora coordinates; Chris and Pat chair; Sam, Kim and Lee are members. The papers have gone out.
async function papersSent() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/workstream add <@pat|Pat> as official");
  await h.say("cora", "/workstream role <@pat|Pat> chair");
  await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
  await h.say("chris", "/papers add https://example.org/budget.pdf Budget 2027");
  await h.say("chris", "/papers send");
  await h.bot.deliver();
}

describe("a question for the chair", () => {
  it("reaches only the chairs, and the answer reaches only the member who asked", async () => {
    await papersSent();
    const opened = click(h, "sam", button(h, "sam", "Question for the chair"));
    expect(formOf(opened).intro).toContain("Only the chairs will see your question");
    h.gateway.clear();

    const sent = submit(h, "sam", opened, { question: QUESTION });
    expect(textOf(sent)).toContain("I've sent your question to Chris and Pat (the chairs)");
    await h.bot.deliver();
    expect(recipientsOf(h, QUESTION)).toEqual(["test:chris", "test:pat"]);
    expect(h.gateway.to("test:chris")[0]?.text).toContain("Sam has a question about the papers for M-1");

    const patsAnswer = button(h, "pat", "Answer");
    const answerForm = click(h, "chris", button(h, "chris", "Answer"));
    expect(formOf(answerForm).intro).toContain(QUESTION);
    h.gateway.clear();
    const answered = submit(h, "chris", answerForm, { answer: ANSWER });
    expect(answered.kind).toBe("update");
    expect(textOf(answered)).toContain("I've sent your answer to Sam's question privately");
    await h.bot.deliver();
    expect(recipientsOf(h, ANSWER)).toEqual(["test:sam"]);
    const toSam = h.gateway.to("test:sam")[0]?.text ?? "";
    expect(toSam).toContain("Chris (the chair) has answered your question");
    expect(toSam).toContain(`You asked: ${QUESTION}`);
    expect(toSam).toContain(`The answer: ${ANSWER}`);

    // Both are kept, and the other chair cannot answer a second time.
    expect(h.store.papers.question(1)).toMatchObject({ question: QUESTION, answer: ANSWER });
    expect(textOf(click(h, "pat", patsAnswer))).toContain("Chris has already answered");
  });

  it("is never shown to the coordinator or other members, even through /papers", async () => {
    await papersSent();
    submit(h, "sam", click(h, "sam", button(h, "sam", "Question for the chair")), { question: QUESTION });
    await h.bot.deliver();
    const answer = button(h, "chris", "Answer");
    for (const who of ["cora", "kim"]) {
      const tried = click(h, who, answer);
      expect(tried.kind).toBe("reply");
      expect(textOf(tried)).toContain("Only the chairs can answer");
      expect(textOf(tried)).not.toContain(QUESTION);
      expect((await h.say(who, "/papers")).text).not.toContain(QUESTION);
    }
    expect(recipientsOf(h, QUESTION)).toEqual(["test:chris", "test:pat"]);
  });

  it("asks for the question again when the form comes back empty, and keeps nothing", async () => {
    await papersSent();
    const opened = click(h, "sam", button(h, "sam", "Question for the chair"));
    expect(textOf(submit(h, "sam", opened, { question: "  " }))).toContain("Please write your question");
    expect(h.store.papers.question(1)).toBeUndefined();
  });
});

describe("another format, please", () => {
  it("records a support request and tells the coordinator at once, never the chairs", async () => {
    await papersSent();
    const opened = click(h, "kim", button(h, "kim", "Another format, please"));
    const choice = formOf(opened).fields.find((f) => f.kind === "choice");
    expect(choice?.kind === "choice" && choice.options.map((o) => o.label)).toEqual([
      "Large print",
      "Easy read",
      "A printed copy by post",
      "Audio",
      "Something else",
    ]);
    h.gateway.clear();
    const sent = submit(h, "kim", opened, {
      format: "printed-post",
      details: "Please post to my home address",
    });
    expect(textOf(sent)).toContain(
      "I've asked Cora (the coordinator) to get the papers to you as a printed copy by post",
    );
    // Kim can't do anything with the request's number, so she isn't shown it.
    expect(textOf(sent)).toContain("Only the coordinators will see this request.");
    expect(textOf(sent)).not.toContain("S-1");
    await h.bot.deliver();
    expect(recipientsOf(h, "as a printed copy by post")).toEqual(["test:cora"]);
    const toCora = h.gateway.to("test:cora")[0]?.text ?? "";
    expect(toCora).toContain("Kim in *Medication safety* has asked for accessibility support (S-1)");
    expect(toCora).toContain("The papers for M-1 (Medication review, Friday 11 December, 2pm)");
    expect(toCora).toContain("Please post to my home address");
    const store = h.store;
    expect(store.support.openIn(1)).toMatchObject([{ source: "papers", kind: "accessibility" }]);
    expect(store.papers.openFormatRequests(1)).toMatchObject([
      { format: "printed-post", details: "Please post to my home address", supportRequestId: 1 },
    ]);
    expect((await h.say("cora", "/support list")).text).toContain("S-1");
  });

  it("asks for a choice when none was made, and records nothing", async () => {
    await papersSent();
    const opened = click(h, "kim", button(h, "kim", "Another format, please"));
    expect(textOf(submit(h, "kim", opened, {}))).toContain("Please choose a format");
    expect(h.store.support.openIn(1)).toHaveLength(0);
  });
});
