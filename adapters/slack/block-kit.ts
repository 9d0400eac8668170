import type { types } from "@slack/bolt";
import { type Marks, renderText } from "../../src/domain/rich-text.ts";
import type { Block, Button, Form, FormField, Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";

type SlackBlock = types.KnownBlock;

/** Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  fieldsPerSection: 10,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  optionText: 75,
  // chat.postMessage accepts far more, but a notification only shows the start anyway.
  fallbackText: 3900,
} as const;

/** The callback_id every modal of ours carries; what it is for travels in private_metadata. */
export const FORM_CALLBACK_ID = "commonpurpose.form";

const SHORTENED = "This message was too long to show in full. Type `/help` if something seems to be missing.";

/** A message ready for chat.postMessage / chat.update / respond(). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Renders our Message as Block Kit. `text` is the shared plain-text fallback (notifications,
 * screen readers); the blocks stay within Slack's limits, splitting long text across sections
 * and ending with a note when even that does not fit.
 */
export function renderMessage(msg: Message, maxBlocks: number = LIMITS.messageBlocks): SlackMessage {
  const blocks = msg.blocks.flatMap((block, index) => renderBlock(block, index));
  return {
    text: truncate(renderPlainText(msg, MRKDWN), LIMITS.fallbackText),
    blocks: capBlocks(blocks, maxBlocks),
  };
}

/** The App Home tab for a message (Home views allow 100 blocks). */
export function renderHome(msg: Message): types.HomeView {
  return { type: "home", blocks: renderMessage(msg, LIMITS.viewBlocks).blocks };
}

/** A message shown inside a modal (after a form submission the core refused). */
export function renderMessageModal(msg: Message, title: string): types.ModalView {
  return {
    type: "modal",
    title: plain(title, LIMITS.modalTitle),
    close: plain("Close", LIMITS.modalButton),
    blocks: renderMessage(msg, LIMITS.viewBlocks).blocks,
  };
}

/**
 * Renders our Form as a modal. Each field is an input block whose block_id and action_id are
 * the field id, so the submission reads back as `{ fieldId: value }`.
 */
export function renderForm(form: Form, privateMetadata: string): types.ModalView {
  const blocks: SlackBlock[] = [];
  if (form.intro) blocks.push(...sections(renderText(form.intro, MRKDWN)));
  for (const field of form.fields) blocks.push(renderField(field));
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submitLabel, LIMITS.modalButton),
    close: plain("Cancel", LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: capBlocks(blocks, LIMITS.viewBlocks),
  };
}

/** Our action name from a Slack action_id (the renderer adds `#<index>` to keep ids unique). */
export function actionFromActionId(actionId: string): string {
  return actionId.replace(/#\d+$/, "");
}

function renderBlock(block: Block, index: number): SlackBlock[] {
  switch (block.kind) {
    case "heading":
      return [{ type: "header", text: plain(block.text, LIMITS.headerText) }];
    case "text":
      return sections(renderText(block.text, MRKDWN));
    case "fields":
      return chunk(block.fields, LIMITS.fieldsPerSection).map((fields) => ({
        type: "section",
        fields: fields.map((f) =>
          mrkdwn(truncate(`${MRKDWN.em(f.label)}\n${renderText(f.value, MRKDWN)}`, LIMITS.fieldText)),
        ),
      }));
    case "list":
      return sections(block.items.map((item) => `• ${renderText(item, MRKDWN)}`).join("\n"));
    case "buttons":
      return chunk(block.buttons, LIMITS.buttonsPerActions).map((buttons, part) => ({
        type: "actions",
        block_id: `buttons-${index}-${part}`,
        elements: buttons.map((b, i) => renderButton(b, part * LIMITS.buttonsPerActions + i)),
      }));
    case "note":
      return splitText(renderText(block.text, MRKDWN), LIMITS.sectionText).map((text) => ({
        type: "context",
        elements: [mrkdwn(text)],
      }));
    case "link":
      return [
        {
          type: "actions",
          block_id: `link-${index}`,
          elements: [
            {
              type: "button",
              action_id: `${LINK_ACTION}#${index}`,
              text: plain(block.label, LIMITS.buttonText),
              url: block.url.slice(0, LIMITS.buttonUrl),
            },
          ],
        },
      ];
  }
}

/**
 * The action_id of a link button. Slack still tells the app when one is pressed; there is
 * nothing to do (the browser opens the address), so the receiver only acknowledges it.
 */
export const LINK_ACTION = "link.open";

function renderButton(button: Button, index: number): types.Button {
  return {
    type: "button",
    action_id: `${button.action}#${index}`,
    text: plain(button.label, LIMITS.buttonText),
    value: button.value.slice(0, LIMITS.buttonValue),
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderField(field: FormField): types.InputBlock {
  const label = plain(field.label, LIMITS.inputLabel);
  const optional = field.optional ?? false;
  if (field.kind === "text") {
    return {
      type: "input",
      block_id: field.id,
      label,
      optional,
      element: {
        type: "plain_text_input",
        action_id: field.id,
        multiline: field.multiline ?? false,
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.initial ? { initial_value: field.initial } : {}),
      },
    };
  }
  const options = field.options.map((o) => ({ text: plain(o.label, LIMITS.optionText), value: o.value }));
  // Radio buttons show every choice at once, which reads better on a phone; a menu beyond five.
  return {
    type: "input",
    block_id: field.id,
    label,
    optional,
    element:
      options.length <= 5
        ? { type: "radio_buttons", action_id: field.id, options }
        : {
            type: "static_select",
            action_id: field.id,
            options,
            placeholder: plain("Choose one", LIMITS.optionText),
          },
  };
}

/** Long mrkdwn as as many sections as it needs, each within Slack's 3000 characters. */
function sections(text: string): types.SectionBlock[] {
  return splitText(text, LIMITS.sectionText).map((part) => ({
    type: "section",
    text: mrkdwn(part),
  }));
}

/** Splits at paragraph, then line, then word boundaries; hard-cuts only a single huge word. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(" ")].find(
      (i) => i > max / 2,
    );
    const at = cut ?? max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function capBlocks(blocks: SlackBlock[], max: number): SlackBlock[] {
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), { type: "context", elements: [mrkdwn(SHORTENED)] }];
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text };
}

/**
 * Our neutral text as Slack mrkdwn. Slack reads `&`, `<` and `>` as markup, so every span's
 * words are escaped; stars and backticks in plain words are left as typed, as Slack shows them.
 */
export const MRKDWN: Marks = {
  plain: escapeMrkdwn,
  em: (words) => `*${escapeMrkdwn(words)}*`,
  code: (words) => `\`${escapeMrkdwn(words)}\``,
  link: (url, label) => (label === undefined ? escapeMrkdwn(url) : `<${url}|${escapeMrkdwn(label)}>`),
  // The core keys a Slack person `slack:<user id>`; anyone else is shown by name.
  mention: (key, name) => {
    const user = /^slack:([UW][A-Z0-9]+)$/.exec(key)?.[1];
    return user ? `<@${user}>` : escapeMrkdwn(name);
  },
};

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
