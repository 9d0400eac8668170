import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { type CloseParkedInput, closeParked } from "./parked-record.ts";

/** `/parked drop <P-n> <reason>`: no longer pursued, with why. */
export function dropParked(core: Core, ctx: WorkstreamContext, input: CloseParkedInput): Message {
  const { item, outcome } = closeParked(core, ctx, input, "dropped");
  return message(
    rich`${formatId("parked", item.seq)} (${em(item.title)}) is dropped. The reason is on the record: ${outcome}`,
  );
}
