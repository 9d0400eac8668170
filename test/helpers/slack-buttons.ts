import type { RecordedCall } from "./slack-api-mock.ts";
import { textOf } from "./slack-api-mock.ts";

/** A Block Kit button as the bot sent it, with the block it sits in. */
export interface SentButton {
  action_id: string;
  value: string;
  text: { text: string };
  blockId: string;
}

/** The button labelled `label` (or, failing that, starting with it) in a message the bot sent. */
export function buttonIn(call: RecordedCall, label: string): SentButton {
  const blocks = call.body.blocks as Array<{ block_id?: string; elements?: Omit<SentButton, "blockId">[] }>;
  const all = blocks.flatMap((b) =>
    (b.elements ?? []).filter((e) => e.text?.text).map((e) => ({ ...e, blockId: b.block_id ?? "" })),
  );
  const button = all.find((e) => e.text.text === label) ?? all.find((e) => e.text.text.startsWith(label));
  if (!button) throw new Error(`no "${label}" button in: ${textOf(call)}`);
  return button;
}
