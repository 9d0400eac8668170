import { formatId } from "../../domain/ids.ts";
import { code, rich } from "../../domain/rich-text.ts";
import { standingOf } from "../decision-record.ts";
import { type DigestInput, plural, type SectionBuilder } from "./section.ts";

/**
 * Decisions made outside a meeting that have not yet been brought to the group (PRODUCT.md §12):
 * the review's complaint was decisions "made or vetoed outside the workstreams".
 */
export const decisionsOutside: SectionBuilder = {
  name: "decisions-outside",
  build({ core, workstream }: DigestInput) {
    const count = core.store.decisions.countOutsideNotBrought(workstream.id);
    if (count === 0) return undefined;
    const waiting = core.store.decisions
      .list(workstream.id)
      .filter((d) => d.meetingId === null && !standingOf(core, d).brought);
    const items = waiting.map((d) => {
      const to = standingOf(core, d).bringTo;
      const id = formatId("decision", d.seq);
      return to
        ? `${id}: on the agenda for ${formatId("meeting", to.seq)} ${to.title}.`
        : `${id}: no meeting is booked yet to bring it to.`;
    });
    return {
      heading: "Decisions made outside meetings",
      blocks: [
        {
          kind: "text",
          text: rich`${plural(count, "decision")} made outside a meeting ${count === 1 ? "has" : "have"} not yet been brought to the group. See the decision log with ${code("/decision list")}.`,
        },
        { kind: "list", items },
      ],
    };
  },
};
