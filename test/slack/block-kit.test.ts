import { describe, expect, it } from "vitest";
import {
  actionFromActionId,
  LIMITS,
  renderForm,
  renderHome,
  renderMessage,
} from "../../adapters/slack/block-kit.ts";
import { code, rich } from "../../src/domain/rich-text.ts";
import type { Form, Message } from "../../src/messages/message.ts";
import { expectGolden as golden, sampleReminder as reminder } from "../helpers/golden.ts";

const summary: Message = {
  text: "Medication safety: 2 chairs, 1 coordinator, 5 members.",
  blocks: [
    { kind: "heading", text: "Medication safety" },
    { kind: "text", text: rich`Use ${code("/workstream add <@people>")} to add people. R&D is welcome.` },
    {
      kind: "fields",
      fields: [
        { label: "Chairs", value: "Chris Lee, Ana Silva" },
        { label: "Coordinator", value: "Kim Patel" },
        { label: "Next meeting", value: "M-1 Budget review, Wednesday 9 December, 9am" },
      ],
    },
    { kind: "list", items: ["Sam Jones (carer)", "Lee Park (service-user)"] },
    { kind: "note", text: "Only members of this workstream see this." },
  ],
};

const apologies: Form = {
  action: "meeting.apologies-sent",
  title: "Sorry you can't come to the meeting",
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
  ],
};

const checkIn: Form = {
  action: "checkin.answer",
  title: "Check-in",
  submitLabel: "Send",
  context: "12",
  fields: [
    {
      kind: "choice",
      id: "spoke",
      label: "Were you able to say what you wanted to?",
      options: [
        { value: "fully", label: "Fully" },
        { value: "partly", label: "Partly" },
        { value: "not-really", label: "Not really" },
      ],
    },
    {
      kind: "choice",
      id: "group",
      label: "Which group are you in?",
      optional: true,
      options: ["service-user", "carer", "official", "clinician", "third-sector", "independent", "other"].map(
        (g) => ({ value: g, label: g }),
      ),
    },
  ],
};

describe("Block Kit rendering", () => {
  it("renders a reminder with its buttons (golden)", () => {
    golden("slack", "reminder-message", renderMessage(reminder));
  });

  it("renders headings, fields, lists and notes, escaping Slack markup (golden)", () => {
    golden("slack", "summary-message", renderMessage(summary));
  });

  it("renders the App Home (golden)", () => {
    golden("slack", "home-view", renderHome(summary));
  });

  it("renders a text form and a choice form as modals (golden)", () => {
    golden(
      "slack",
      "apologies-modal",
      renderForm(
        apologies,
        JSON.stringify({ action: apologies.action, context: "7", channel: "D1", ts: "1.2" }),
      ),
    );
    golden(
      "slack",
      "check-in-modal",
      renderForm(checkIn, JSON.stringify({ action: checkIn.action, context: "12" })),
    );
  });

  it("gives every button in a block its own action_id and reads our action back", () => {
    const same: Message = {
      text: "Pick",
      blocks: [
        {
          kind: "buttons",
          buttons: [1, 2, 3].map((n) => ({ action: "choose", label: `Option ${n}`, value: String(n) })),
        },
      ],
    };
    const ids = (renderMessage(same).blocks[0] as { elements: Array<{ action_id: string }> }).elements.map(
      (e) => e.action_id,
    );
    expect(new Set(ids).size).toBe(3);
    expect(ids.map(actionFromActionId)).toEqual(["choose", "choose", "choose"]);
  });

  it("keeps a very long message within 50 blocks and 3000 characters a section", () => {
    const paragraph = "This is a long sentence about the papers for the next meeting. ".repeat(120);
    const long: Message = {
      text: "A long message.",
      blocks: [
        { kind: "text", text: paragraph },
        ...Array.from({ length: 80 }, (_, i) => ({
          kind: "list" as const,
          items: [`Item ${i}: ${"detail ".repeat(20)}`],
        })),
      ],
    };
    const { blocks, text } = renderMessage(long);
    expect(blocks.length).toBe(LIMITS.messageBlocks);
    for (const block of blocks) {
      if (block.type === "section" && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    // The long paragraph is split across sections, not cut off.
    const first = blocks
      .slice(0, 3)
      .map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""))
      .join(" ");
    expect(first.replace(/\s+/g, " ")).toContain(
      paragraph.slice(0, 6000).trim().replace(/\s+/g, " ").slice(0, 5000),
    );
    // The last block says it was shortened.
    expect(JSON.stringify(blocks.at(-1))).toContain("too long to show in full");
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it("keeps headings and buttons within Slack's lengths", () => {
    const rendered = renderMessage({
      text: "x",
      blocks: [
        { kind: "heading", text: "H".repeat(400) },
        { kind: "buttons", buttons: [{ action: "a", label: "L".repeat(200), value: "v" }] },
      ],
    });
    const [header, actions] = rendered.blocks as unknown as [
      { text: { text: string } },
      { elements: Array<{ text: { text: string } }> },
    ];
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(actions.elements[0]?.text.text.length).toBeLessThanOrEqual(75);
  });
});
