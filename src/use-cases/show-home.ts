import type { Person } from "../domain/entities.ts";
import { code, rich } from "../domain/rich-text.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import { collectMine, mineBlocks, nothingWaiting } from "./show-mine.ts";

/**
 * A person's home view (Slack App Home): the same as `/mine` (PRODUCT.md §11) — everything
 * waiting for them across their workstreams, with the original messages' buttons, and their
 * next meetings.
 */
export function showHome(core: Core, person: Person): Message {
  const mine = collectMine(core, person);
  if (mine.workstreams.length === 0) {
    const text = `Hi ${person.name}. You're not in a workstream yet. When a chair or coordinator adds you, what is waiting for you and your meetings will show here.`;
    return { text, blocks: [{ kind: "text", text }] };
  }
  const intro = mine.waiting === 0 ? nothingWaiting(person) : "Here is what is waiting for you.";
  const blocks: Block[] = [
    { kind: "heading", text: `Hi ${person.name}` },
    { kind: "text", text: intro },
    ...mineBlocks(mine),
    {
      kind: "note",
      text: rich`Type ${code("/mine")} to see this anywhere, or ${code("/help")} in a workstream channel to see what you can do.`,
    },
  ];
  return { text: `What is waiting for you, ${person.name}.`, blocks };
}
