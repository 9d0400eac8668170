import { oneToOneStandings } from "../one-to-one-standings.ts";
import { type DigestInput, plural, type SectionBuilder } from "./section.ts";

/** Overdue one-to-ones as counts only: coordinators never see one-to-one dates (§6). */
export const oneToOnes: SectionBuilder = {
  name: "one-to-ones",
  build({ core, workstream, now }: DigestInput) {
    const standings = oneToOneStandings(core, workstream, now);
    const overdue = standings.filter((s) => s.overdue);
    const never = overdue.filter((s) => s.last === null).length;
    const asked = standings.filter((s) => s.request).length;
    const items: string[] = [];
    if (overdue.length > 0) {
      const neverText = never > 0 ? ` (${never} ${never === 1 ? "has" : "have"} never had one)` : "";
      items.push(
        `${overdue.length} of ${plural(standings.length, "member")} ${overdue.length === 1 ? "is" : "are"} due a one-to-one with a chair${neverText}.`,
      );
    }
    if (asked > 0)
      items.push(`${plural(asked, "member")} asked for one and ${asked === 1 ? "is" : "are"} waiting.`);
    if (items.length === 0) return undefined;
    return {
      heading: "One-to-ones",
      blocks: [
        { kind: "list", items },
        { kind: "note", text: "The chairs have the names and dates." },
      ],
    };
  },
};
