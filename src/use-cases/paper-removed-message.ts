import type { Meeting, Workstream } from "../domain/entities.ts";
import type { Paper } from "../domain/papers.ts";
import { em, rich } from "../domain/rich-text.ts";
import { formatWhen } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";

/**
 * The one short correction a member gets when a paper they already had is taken off
 * (PRODUCT.md §11): "*Budget* has been taken off the papers for *Medication review* on
 * Thursday 10 December, 2pm. You don't need to read it."
 */
export function paperRemovedMessage(workstream: Workstream, meeting: Meeting, paper: Paper): Message {
  const when = formatWhen(meeting.startsAt, workstream.settings.timezone);
  const text = rich`${em(paper.title)} has been taken off the papers for ${em(meeting.title)} on ${when}. You don't need to read it.`;
  return { text, blocks: [{ kind: "text", text }] };
}
