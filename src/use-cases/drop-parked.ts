import { formatId } from "../domain/ids.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "./core.ts";
import { closeParked } from "./parked-record.ts";

/** `/parked drop <P-n> <reason>`: no longer pursued, with why. */
export function dropParked(core: Core, ctx: WorkstreamContext, args: string): Message {
  const { item, outcome } = closeParked(core, ctx, args, "dropped");
  return message(
    `${formatId("parked", item.seq)} (*${item.title}*) is dropped. The reason is on the record: ${outcome}`,
  );
}
