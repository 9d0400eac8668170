import { describe, expect, it } from "vitest";
import {
  markdown,
  messageActivity,
  readSubmission,
  renderCard,
  renderFormCard,
} from "../../adapters/teams/adaptive-card.ts";
import { code, em, link, rich } from "../../src/domain/rich-text.ts";
import type { Form, Message } from "../../src/messages/message.ts";
import { expectGolden as golden, sampleReminder as reminder } from "../helpers/golden.ts";

const summary: Message = {
  text: rich`Check-in summary for ${em("Budget review")} (M-1).`,
  blocks: [
    { kind: "heading", text: "Budget review — check-in" },
    { kind: "text", text: rich`Check-in summary for ${em("Budget review")} (M-1).` },
    {
      kind: "fields",
      fields: [
        { label: "Answered", value: "4 of 5" },
        { label: "Could speak", value: rich`${em("3")} yes, 1 partly` },
      ],
    },
    { kind: "list", items: ["Slides came late", "More time for questions"] },
    {
      kind: "buttons",
      buttons: [{ action: "dissent.withdraw", label: "Withdraw", value: "D-2", style: "danger" }],
    },
    { kind: "note", text: "Only the chairs see this." },
  ],
};

const apologies: Form = {
  action: "meeting.apologies-sent",
  title: "Sorry you can't come",
  intro: "Thanks for letting us know. The chair will see that you can't come.",
  submitLabel: "Send",
  context: "7",
  fields: [
    {
      kind: "text",
      id: "note",
      label: "Anything you'd like the chair to know?",
      multiline: true,
      optional: true,
      maxLength: 1000,
    },
    {
      kind: "choice",
      id: "speak",
      label: "Could you say what you wanted to?",
      options: [
        { value: "yes", label: "Yes" },
        { value: "partly", label: "Partly" },
        { value: "no", label: "No" },
      ],
    },
  ],
};

describe("Adaptive Card rendering", () => {
  it("renders the reminder as a 1.5 card with Action.Execute buttons that fall back to Action.Submit", () => {
    golden("teams", "reminder-card", renderCard(reminder));
  });

  it("renders heading, fields, list, note and a danger button", () => {
    golden("teams", "summary-card", renderCard(summary));
  });

  it("renders a form as card inputs with a submit carrying the form's action and context", () => {
    golden("teams", "apologies-form-card", renderFormCard(apologies));
  });

  it("sends the card with the first sentence as the notification summary and the plain text inside", () => {
    const activity = messageActivity(reminder);
    expect(activity.summary).toBe(
      "Hi Sam — a reminder that Budget review (M-1) is on Wednesday 9 December, 9am.",
    );
    expect(activity.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(activity.attachments[0]?.content.fallbackText).toContain('You can choose: "I\'ll be there"');
  });

  it("writes emphasis as **bold** and links as [label](url), and leaves people's own stars alone", () => {
    expect(markdown(rich`see ${em("Budget review")} now`)).toBe("see **Budget review** now");
    expect(markdown(rich`${em("M-1")} and ${em("M-2")}`)).toBe("**M-1** and **M-2**");
    expect(markdown(rich`type ${code("/help")}`)).toBe("type `/help`");
    expect(markdown(rich`read ${link("https://example.org/b.pdf", "Budget")}`)).toBe(
      "read [Budget](https://example.org/b.pdf)",
    );
    expect(markdown("5 * 3 = 15, and *this* was typed by someone")).toBe(
      "5 * 3 = 15, and *this* was typed by someone",
    );
  });

  it("reads a button's and a form's submission back, and nothing else", () => {
    expect(readSubmission({ action: "meeting.attending", value: "7" })).toEqual({
      action: "meeting.attending",
      value: "7",
      fields: {},
    });
    expect(
      readSubmission({
        action: "meeting.apologies-sent",
        context: "7",
        field_note: "Sorry",
        field_speak: "no",
      }),
    ).toEqual({ action: "meeting.apologies-sent", value: "7", fields: { note: "Sorry", speak: "no" } });
    expect(readSubmission({ msteams: { type: "messageBack" } })).toBeUndefined();
    expect(readSubmission("text")).toBeUndefined();
  });
});
