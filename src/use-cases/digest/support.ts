import { formatId } from "../../domain/ids.ts";
import { code, rich } from "../../domain/rich-text.ts";
import { supportKindWords } from "../../domain/support.ts";
import { formatDay } from "../../domain/time.ts";
import type { DigestInput, SectionBuilder } from "./section.ts";

/** Open support requests. Private to coordinators: chairs never see them (PRODUCT.md §6). */
export const supportRequests: SectionBuilder = {
  name: "support",
  coordinatorsOnly: true,
  build({ core, workstream }: DigestInput) {
    const open = core.store.support.openIn(workstream.id);
    if (open.length === 0) return undefined;
    const zone = workstream.settings.timezone;
    return {
      heading: "Open support requests",
      blocks: [
        {
          kind: "list",
          items: open.map(
            (s) =>
              `${formatId("support", s.seq)}: ${s.name} asked for ${supportKindWords(s.kind)} on ${formatDay(s.createdAt, zone)}.`,
          ),
        },
        {
          kind: "note",
          text: rich`Only coordinators see support requests. Mark one done with ${code("/support done S-1")}.`,
        },
      ],
    };
  },
};
