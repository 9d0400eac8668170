import { LONG_OPEN_WEEKS } from "../../domain/decision.ts";
import { code, rich } from "../../domain/rich-text.ts";
import { DAY, formatDay } from "../../domain/time.ts";
import { outcomes } from "../outcomes.ts";
import { type DigestInput, plural, type SectionBuilder } from "./section.ts";

/**
 * Items members raised (dissent, parked items, agenda suggestions, questions on papers) still
 * open after 8 weeks, oldest first, as `/outcomes` shows them. Support requests have their own
 * section.
 */
export const longOpenItems: SectionBuilder = {
  name: "long-open",
  build({ core, workstream, now }: DigestInput) {
    const zone = workstream.settings.timezone;
    const before = now.getTime() - LONG_OPEN_WEEKS * 7 * DAY;
    const old = outcomes(core, workstream.id).filter(
      (r) => r.open && r.kind !== "support" && (r.openSince ?? r.raisedAt).getTime() < before,
    );
    if (old.length === 0) return undefined;
    const items = old.map((r) => {
      const since = formatDay(r.openSince ?? r.raisedAt, zone);
      return r.id ? `${r.id} "${r.item}": open since ${since}.` : `${r.item}: open since ${since}.`;
    });
    return {
      heading: `Raised by members, open more than ${LONG_OPEN_WEEKS} weeks`,
      blocks: [
        {
          kind: "text",
          text: rich`${plural(old.length, "item")} members raised ${old.length === 1 ? "is" : "are"} still waiting for an outcome. Members see them with ${code("/outcomes")}.`,
        },
        { kind: "list", items },
      ],
    };
  },
};
