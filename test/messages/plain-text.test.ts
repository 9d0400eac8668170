import { describe, expect, it } from "vitest";
import { type Form, type Message, message } from "../../src/messages/message.ts";
import { renderFormPlainText, renderPlainText } from "../../src/messages/plain-text.ts";

describe("the plain-text version of a message", () => {
  it("reads every kind of block in order, on its own lines", () => {
    const msg: Message = {
      text: "Papers are ready",
      blocks: [
        { kind: "heading", text: "Medication safety" },
        { kind: "text", text: "Hi Sam — the papers for Thursday 10 December, 2pm are ready." },
        {
          kind: "fields",
          fields: [
            { label: "Chair", value: "Chris" },
            { label: "Papers", value: "2" },
          ],
        },
        { kind: "list", items: ["Budget (late)", "Minutes"] },
        {
          kind: "buttons",
          buttons: [
            { action: "papers.read", label: "I've read them", value: "1", style: "primary" },
            { action: "papers.question", label: "Question for the chair", value: "1" },
          ],
        },
        { kind: "note", text: "Only the chair will see your question." },
      ],
    };
    expect(renderPlainText(msg).split("\n")).toEqual([
      "*Medication safety*",
      "Hi Sam — the papers for Thursday 10 December, 2pm are ready.",
      "Chair: Chris",
      "Papers: 2",
      "• Budget (late)",
      "• Minutes",
      'You can choose: "I\'ve read them", "Question for the chair".',
      "Only the chair will see your question.",
    ]);
  });

  it("lists buttons by what they say, never by their hidden values", () => {
    const text = renderPlainText({
      text: "Can you come?",
      blocks: [
        {
          kind: "buttons",
          buttons: [
            { action: "meeting.attending", label: "I'll be there", value: "42" },
            { action: "meeting.apologies", label: "I can't make it", value: "42", style: "danger" },
          ],
        },
      ],
    });
    expect(text).toContain('"I\'ll be there"');
    expect(text).toContain('"I can\'t make it"');
    expect(text).not.toContain("42");
    expect(text).not.toContain("meeting.attending");
  });

  it("does not add stars to a heading that is already in capitals", () => {
    expect(renderPlainText({ text: "x", blocks: [{ kind: "heading", text: "CHECK-IN" }] })).toBe("CHECK-IN");
  });

  it("starts with the message's first sentence when built with message()", () => {
    const text = renderPlainText(message("Hello Kim.", { kind: "note", text: "Type `/help` to see more." }));
    expect(text).toBe("Hello Kim.\nType `/help` to see more.");
  });

  it("writes nothing for an empty list or empty fields", () => {
    const text = renderPlainText({
      text: "x",
      blocks: [
        { kind: "text", text: "Start" },
        { kind: "list", items: [] },
        { kind: "fields", fields: [] },
        { kind: "text", text: "End" },
      ],
    });
    expect(text).toBe("Start\nEnd");
  });
});

describe("the plain-text version of a form", () => {
  const form: Form = {
    action: "checkin.answer",
    title: "Check-in",
    intro: "Three quick questions — about a minute.",
    submitLabel: "Send",
    context: "7",
    fields: [
      {
        kind: "choice",
        id: "attended",
        label: "Did you attend?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      },
      {
        kind: "text",
        id: "comment",
        label: "Anything you would like the chair to know?",
        optional: true,
        multiline: true,
      },
      {
        kind: "choice",
        id: "support",
        label: "Do you need any support?",
        optional: true,
        options: [
          { value: "practical", label: "Practical" },
          { value: "wellbeing", label: "Wellbeing" },
        ],
      },
      { kind: "text", id: "name", label: "Your name" },
    ],
  };

  it("shows the title, the intro and every question with its choices", () => {
    expect(renderFormPlainText(form).split("\n")).toEqual([
      "*Check-in*",
      "Three quick questions — about a minute.",
      "Did you attend?: Yes / No",
      "Anything you would like the chair to know? (optional)",
      "Do you need any support? (optional): Practical / Wellbeing",
      "Your name",
    ]);
  });

  it("marks only the optional questions as optional", () => {
    const lines = renderFormPlainText(form).split("\n");
    expect(lines.filter((l) => l.includes("(optional)"))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith("Did you attend?"))).not.toContain("(optional)");
    expect(lines.find((l) => l.startsWith("Your name"))).not.toContain("(optional)");
  });

  it("leaves out the intro when there is none", () => {
    const { intro: _intro, ...withoutIntro } = form;
    expect(renderFormPlainText(withoutIntro).split("\n")[1]).toBe("Did you attend?: Yes / No");
  });
});
