import { z } from "zod";

/**
 * The parts of Slack's interactive payloads the adapter reads, checked at the edge: a payload
 * that does not match is logged by id and dropped rather than trusted.
 */
const User = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
});

/** Slack's own limits: a button's value is at most 2,000 characters, an action_id 255. */
const MAX_BUTTON_VALUE = 2_000;
const MAX_ACTION_ID = 255;
/** The longest answer any of our forms takes, with room to spare (the core sets the real limits). */
const MAX_FIELD = 10_000;

/** A button click (block_actions). */
export const BlockActionPayload = z.object({
  type: z.literal("block_actions"),
  user: User,
  trigger_id: z.string().min(1),
  response_url: z.string().optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string().min(1).max(MAX_ACTION_ID),
        value: z.string().max(MAX_BUTTON_VALUE).optional(),
      }),
    )
    .min(1),
  container: z
    .object({
      /** "message", or "view" for a button in the App Home (or a modal). */
      type: z.string().optional(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  /** The view a button sat in, when it was not a message: `home` for the App Home. */
  view: z.object({ type: z.string() }).optional(),
});
export type BlockActionPayload = z.infer<typeof BlockActionPayload>;

const StateValue = z.object({
  type: z.string(),
  value: z.string().max(MAX_FIELD).nullish(),
  selected_option: z.object({ value: z.string().max(MAX_BUTTON_VALUE) }).nullish(),
});

/** A modal submitted (view_submission). */
export const ViewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  user: User,
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), StateValue)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;

/** What a modal carries from the click that opened it to its submission. */
export const FormMetadata = z.object({
  action: z.string().min(1),
  context: z.string(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  /** The form was opened from the App Home: its answer goes to the person's DM, and the Home is refreshed. */
  home: z.boolean().optional(),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

/** Reads private_metadata back; undefined when it is not ours. */
export function parseFormMetadata(text: string): FormMetadata | undefined {
  try {
    const parsed = FormMetadata.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A modal's answers as `{ fieldId: value }`. Our renderer names each input's action_id after
 * the field, so the block it sits in does not matter. Empty optional inputs are left out.
 */
export function readFormFields(
  values: ViewSubmissionPayload["view"]["state"]["values"],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const block of Object.values(values)) {
    for (const [fieldId, state] of Object.entries(block)) {
      const value = state.selected_option?.value ?? state.value;
      if (typeof value === "string") fields[fieldId] = value;
    }
  }
  return fields;
}

/** Slack escapes `&`, `<` and `>` in typed text; the core wants what the person typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
