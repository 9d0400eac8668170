import { describe, expect, it } from "vitest";
import { renderMessage } from "../../adapters/slack/block-kit.ts";
import { renderCard } from "../../adapters/teams/adaptive-card.ts";
import { type Message, message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";

const JOIN: Message = message("Budget review is tomorrow.", {
  kind: "link",
  label: "Join the meeting",
  url: "https://meet.example.org/budget",
});

describe("a link button (Join the meeting)", () => {
  it("is a Slack button with a url", () => {
    const { blocks } = renderMessage(JOIN);
    expect(blocks[1]).toMatchObject({
      type: "actions",
      elements: [
        { type: "button", url: "https://meet.example.org/budget", text: { text: "Join the meeting" } },
      ],
    });
  });

  it("is a Teams Action.OpenUrl", () => {
    const card = renderCard(JOIN);
    expect((card.body as unknown[])[1]).toEqual({
      type: "ActionSet",
      actions: [
        { type: "Action.OpenUrl", title: "Join the meeting", url: "https://meet.example.org/budget" },
      ],
    });
  });

  it("reads in plain text as its label and the address", () => {
    expect(renderPlainText(JOIN)).toBe(
      "Budget review is tomorrow.\nJoin the meeting: https://meet.example.org/budget",
    );
  });
});
