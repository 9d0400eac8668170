import type { Member, Workstream } from "../domain/entities.ts";
import { em, rich } from "../domain/rich-text.ts";
import type { Block, Message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";
import { checkIns } from "./digest/check-ins.ts";
import { decisionsOutside } from "./digest/decisions-outside.ts";
import { dropOff } from "./digest/drop-off.ts";
import { listened } from "./digest/listened.ts";
import { longOpenItems } from "./digest/long-open.ts";
import { oneToOnes } from "./digest/one-to-ones.ts";
import { parkedItems } from "./digest/parked.ts";
import { reviews } from "./digest/reviews.ts";
import type { SectionBuilder } from "./digest/section.ts";
import { supportRequests } from "./digest/support.ts";
import { undeliveredMessages } from "./digest/undelivered.ts";
import { upcomingMeetings } from "./digest/upcoming-meetings.ts";

/** The digest's sections, in the order they are shown. Add a feature's section here. */
export const DIGEST_SECTIONS: SectionBuilder[] = [
  upcomingMeetings,
  checkIns,
  dropOff,
  oneToOnes,
  parkedItems,
  supportRequests,
  listened,
  reviews,
  undeliveredMessages,
  decisionsOutside,
  longOpenItems,
];

/**
 * The coordinator digest for one reader: only sections with something in them, and never a
 * coordinators-only section for anyone else. Undefined when no section has anything to say.
 */
export function buildDigest(
  core: Core,
  workstream: Workstream,
  reader: Member,
  now: Date,
): Message | undefined {
  const input = { core, workstream, members: core.store.members.list(workstream.id), now };
  const blocks: Block[] = [];
  for (const section of DIGEST_SECTIONS) {
    if (section.coordinatorsOnly && reader.role !== "coordinator") continue;
    const built = section.build(input);
    if (!built || built.blocks.length === 0) continue;
    blocks.push({ kind: "heading", text: built.heading }, ...built.blocks);
  }
  if (blocks.length === 0) return undefined;
  const text = rich`Hi ${reader.name} — here is your digest for ${em(workstream.name)}: what may need your attention this week.`;
  return {
    text,
    blocks: [
      { kind: "text", text },
      ...blocks,
      {
        kind: "note",
        text: "Only coordinators get this digest. Check-in answers are shown only as totals.",
      },
    ],
  };
}
