import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { type CloseParkedInput, closeParked } from "./parked-record.ts";

/** `/parked resolve <P-n> <outcome>`: settled, with what was decided. */
export function resolveParked(core: Core, ctx: WorkstreamContext, input: CloseParkedInput): Message {
  const { item, outcome } = closeParked(core, ctx, input, "resolved");
  return message(
    rich`${formatId("parked", item.seq)} (${em(item.title)}) is resolved. The outcome is on the record: ${outcome}`,
  );
}
