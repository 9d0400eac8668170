import { formatId } from "../domain/ids.ts";
import { em, rich } from "../domain/rich-text.ts";
import type { Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { describeParked } from "./parked-record.ts";

/** `/parked`: the open items of this workstream, with age, owner and revisit date. */
export function listParked(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const open = core.store.parking.open(workstream.id);
  if (open.length === 0) {
    const text = rich`Nothing is parked in ${em(workstream.name)} right now.`;
    return { text, blocks: [{ kind: "text", text }] };
  }
  const text = rich`Parked in ${em(workstream.name)} (${open.length}):`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      {
        kind: "list",
        items: open.map(
          (item) =>
            rich`${formatId("parked", item.seq)} ${em(item.title)} — ${describeParked(core, item, zone, now)}`,
        ),
      },
      { kind: "note", text: "Everyone in the workstream can see the parking lot." },
    ],
  };
}
