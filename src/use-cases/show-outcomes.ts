import { code, em, rich, type Text } from "../domain/rich-text.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { type OutcomeRow, outcomes } from "./outcomes.ts";

/** `D-2 "Too rushed": Decided (DC-1) …`, or a count's line without an id. */
export function outcomeLine(row: OutcomeRow): Text {
  if (row.kind === "dissent") return `${row.id} "${row.item}": ${row.happened}.`;
  if (row.kind === "parked" || row.kind === "suggestion")
    return rich`${row.id} ${em(row.item)}: ${row.happened}.`;
  return `${row.item}: ${row.happened}.`;
}

/**
 * `/outcomes` (members): "You said, we did" — everything members raised and what happened,
 * still open first, oldest first. No names; questions and support requests only as counts.
 */
export function showOutcomes(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const rows = outcomes(core, workstream.id);
  if (rows.length === 0) {
    const text = rich`You said, we did — ${em(workstream.name)}: nothing has been raised yet.`;
    return {
      text,
      blocks: [
        { kind: "text", text },
        {
          kind: "note",
          text: rich`When you disagree, say so with ${code("/dissent your view")}, or suggest something for the agenda with ${code("/agenda suggest what to talk about")}.`,
        },
      ],
    };
  }
  const open = rows.filter((r) => r.open);
  const done = rows.filter((r) => !r.open);
  const text = rich`You said, we did — ${em(workstream.name)}: what members raised, and what happened.`;
  const blocks: Block[] = [{ kind: "text", text }];
  if (open.length > 0) {
    blocks.push({ kind: "heading", text: `Still open (${open.length}), oldest first` });
    blocks.push({ kind: "list", items: open.map(outcomeLine) });
  }
  if (done.length > 0) {
    blocks.push({ kind: "heading", text: `What happened (${done.length})` });
    blocks.push({ kind: "list", items: done.map(outcomeLine) });
  }
  blocks.push({
    kind: "note",
    text: rich`Names are not shown. Questions on papers and support requests are shown only as numbers. The decisions themselves: ${code("/decision list")}.`,
  });
  return { text, blocks };
}
