import { z } from "zod";
import { BARE_MARKS, type Marks, renderText, type Text } from "../../src/domain/rich-text.ts";
import type { Block, Button, Form, FormField, Message } from "../../src/messages/message.ts";
import { renderFormPlainText, renderPlainText } from "../../src/messages/plain-text.ts";

/** An Adaptive Card as JSON (the SDK's types add nothing the golden tests don't check). */
export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard"; version: string };
type Element = Record<string, unknown>;

/** The content type of an Adaptive Card attachment and of a card invoke response. */
export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** Teams renders Universal Actions (Action.Execute) only on cards of version 1.5. */
const VERSION = "1.5";
const SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

/**
 * Form inputs are prefixed so a field can never be mistaken for the `action`, `value` or
 * `context` every submission carries (Teams merges input values into the action's data).
 */
export const FIELD_PREFIX = "field_";

/** What a button or form submit sends back to us (in Action.Execute `data`, or Action.Submit `value`). */
export interface CardSubmission {
  action: string;
  /** The button's value, or the form's context. */
  value: string;
  fields: Record<string, string>;
}

/**
 * Renders our Message as an Adaptive Card 1.5. The shared plain-text rendering rides along as
 * `fallbackText` for clients that cannot show cards, and buttons keep their place in the
 * message (an ActionSet where the buttons block was).
 */
export function renderCard(msg: Message): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: SCHEMA,
    version: VERSION,
    fallbackText: renderPlainText(msg),
    body: msg.blocks.flatMap(renderBlock),
  };
}

/** Renders our Form as a card with inputs and one submit action carrying the form's context. */
export function renderFormCard(form: Form): AdaptiveCard {
  const body: Element[] = [
    { type: "TextBlock", text: form.title, weight: "Bolder", size: "Large", wrap: true },
  ];
  if (form.intro) body.push({ type: "TextBlock", text: markdown(form.intro), wrap: true });
  for (const field of form.fields) body.push(renderInput(field));
  return {
    type: "AdaptiveCard",
    $schema: SCHEMA,
    version: VERSION,
    fallbackText: renderFormPlainText(form),
    body,
    actions: [execute(form.submitLabel, form.action, { action: form.action, context: form.context })],
  };
}

/** The longest answer any of our forms takes, with room to spare (the core sets the real limits). */
const MAX_FIELD = 10_000;
/** Button values and form contexts are ids we wrote ourselves: short. */
const MAX_VALUE = 2_000;

/**
 * What a card may send back, checked before anything reaches the core: our action id, a short
 * value or context, and `field_…` answers that are text of a sane length. Teams adds keys of
 * its own (such as `msteams`), which are let through and ignored.
 */
const SubmissionSchema = z
  .object({
    action: z.string().regex(/^[a-z][\w.-]{0,99}$/i),
    value: z.string().max(MAX_VALUE).optional(),
    context: z.string().max(MAX_VALUE).optional(),
  })
  .catchall(z.unknown())
  .superRefine((data, ctx) => {
    for (const [key, answer] of Object.entries(data)) {
      if (key.startsWith(FIELD_PREFIX) && (typeof answer !== "string" || answer.length > MAX_FIELD))
        ctx.addIssue({ code: "custom", path: [key], message: "not a text answer" });
    }
  });

/**
 * Reads what a card sent back: `{ action, value }` from a button, `{ action, context, field_… }`
 * from a form. Undefined when it is not one of ours, or not the shape ours send.
 */
export function readSubmission(data: unknown): CardSubmission | undefined {
  const parsed = SubmissionSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const record = parsed.data;
  const fields: Record<string, string> = {};
  for (const [key, answer] of Object.entries(record)) {
    if (key.startsWith(FIELD_PREFIX) && typeof answer === "string")
      fields[key.slice(FIELD_PREFIX.length)] = answer;
  }
  return { action: record.action, value: record.value ?? record.context ?? "", fields };
}

/**
 * Our neutral text as Adaptive Card markdown: emphasis is `**bold**`, a link `[label](url)`.
 * Cards show no inline code, so code keeps its backticks, which read as "type this". Plain words
 * go as they are (a card's TextBlock has no escapes to speak of).
 */
export const CARD_MARKS: Marks = {
  plain: (words) => words,
  em: (words) => `**${words}**`,
  code: (words) => `\`${words}\``,
  link: (url, label) => (label === undefined ? url : `[${label}](${url})`),
  // An <at> mention needs an entity beside the card; the name reads the same without one.
  mention: (_key, name) => name,
};

/** Our text as Adaptive Card markdown. */
export function markdown(content: Text): string {
  return renderText(content, CARD_MARKS);
}

function renderBlock(block: Block): Element[] {
  switch (block.kind) {
    case "heading":
      return [{ type: "TextBlock", text: block.text, weight: "Bolder", size: "Large", wrap: true }];
    case "text":
      return [{ type: "TextBlock", text: markdown(block.text), wrap: true }];
    case "fields":
      return [
        {
          type: "FactSet",
          facts: block.fields.map((f) => ({ title: f.label, value: markdown(f.value) })),
        },
      ];
    case "list":
      return block.items.map((item, i) => ({
        type: "TextBlock",
        text: `• ${markdown(item)}`,
        wrap: true,
        ...(i > 0 ? { spacing: "None" } : {}),
      }));
    case "buttons":
      return [{ type: "ActionSet", actions: block.buttons.map(renderButton) }];
    case "note":
      return [{ type: "TextBlock", text: markdown(block.text), size: "Small", isSubtle: true, wrap: true }];
    case "link":
      return [
        { type: "ActionSet", actions: [{ type: "Action.OpenUrl", title: block.label, url: block.url }] },
      ];
  }
}

function renderButton(button: Button): Element {
  return execute(button.label, button.action, { action: button.action, value: button.value }, button.style);
}

/**
 * Universal Actions: Action.Execute sends an `adaptiveCard/action` invoke we answer with a new
 * card; older clients fall back to Action.Submit, which arrives as a message with `value`.
 */
function execute(
  title: string,
  verb: string,
  data: Record<string, string>,
  style?: Button["style"],
): Element {
  const styled = style ? { style: style === "primary" ? "positive" : "destructive" } : {};
  return {
    type: "Action.Execute",
    title,
    verb,
    data,
    ...styled,
    fallback: { type: "Action.Submit", title, data, ...styled },
  };
}

function renderInput(field: FormField): Element {
  const common = {
    id: `${FIELD_PREFIX}${field.id}`,
    label: field.label,
    isRequired: !(field.optional ?? false),
    ...(field.optional ? {} : { errorMessage: "Please fill this in." }),
  };
  if (field.kind === "text") {
    return {
      type: "Input.Text",
      ...common,
      isMultiline: field.multiline ?? false,
      ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      ...(field.initial ? { value: field.initial } : {}),
    };
  }
  // Expanded choices show every option at once, which reads better on a phone; a menu beyond five.
  return {
    type: "Input.ChoiceSet",
    ...common,
    style: field.options.length <= 5 ? "expanded" : "compact",
    choices: field.options.map((o) => ({ title: o.label, value: o.value })),
  };
}

/** A message activity, minus the addressing the SDK fills in. */
export interface CardActivity {
  type: "message";
  summary: string;
  attachments: Array<{ contentType: string; content: AdaptiveCard }>;
}

/**
 * A message as one card. Teams shows an activity's `text` above its card, so the plain-text
 * fallback travels inside the card (`fallbackText`) and the first sentence as `summary`, which
 * Teams uses for the notification and the chat list.
 */
export function cardActivity(card: AdaptiveCard, summary: Text): CardActivity {
  return {
    type: "message",
    summary: renderText(summary, BARE_MARKS),
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }],
  };
}

/** Our Message as a Teams message activity. */
export function messageActivity(msg: Message): CardActivity {
  return cardActivity(renderCard(msg), msg.text);
}
