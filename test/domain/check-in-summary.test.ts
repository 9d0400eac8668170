import { describe, expect, it } from "vitest";
import type { CheckInAnswer } from "../../src/domain/check-in.ts";
import { FOLDED, summariseCheckIn } from "../../src/domain/check-in-summary.ts";
import { readSupportNeed } from "../../src/domain/support.ts";

let next = 1;
function answer(over: Partial<CheckInAnswer>): CheckInAnswer {
  const id = next++;
  return {
    checkInId: 1,
    personId: id,
    name: `Person ${id}`,
    group: "carer",
    step: 8,
    attended: "yes",
    spoke: "fully",
    listened: "yes",
    comment: null,
    oneToOne: "no",
    wantsSupport: "no",
    anonymous: false,
    completedAt: new Date("2026-12-03T16:00:00Z"),
    ...over,
  };
}

describe("the check-in summary", () => {
  it("shows a group with 3 answers on its own and folds groups with fewer into other groups of 3 or more", () => {
    const s = summariseCheckIn([
      ...["carer", "carer", "carer", "service-user", "service-user", "service-user"].map((group) =>
        answer({ group: group as "carer" }),
      ),
      answer({ group: "official" }),
      answer({ group: "clinician", listened: "partly" }),
      answer({ group: "independent", listened: "no" }),
    ]);
    expect(s.byGroup.map((g) => [g.label, g.answered])).toEqual([
      ["service-user", 3],
      ["carer", 3],
      [FOLDED, 3],
    ]);
    expect(s.byGroup[2]?.counts.listened).toEqual({ yes: 1, partly: 1, no: 1 });
  });

  it("never shows other groups with fewer than 3: they join the smallest group shown", () => {
    const s = summariseCheckIn([
      answer({ group: "carer" }),
      answer({ group: "carer" }),
      answer({ group: "carer", listened: "no" }),
      answer({ group: "official" }),
      answer({ group: "clinician", listened: "partly" }),
    ]);
    expect(s.byGroup.map((g) => [g.label, g.answered])).toEqual([[FOLDED, 5]]);
    expect(s.byGroup[0]?.counts.listened).toEqual({ yes: 3, partly: 1, no: 1 });
  });

  it("counts only finished answers, and never names an anonymous comment or one-to-one request", () => {
    const s = summariseCheckIn([
      answer({ name: "Ann", anonymous: true, comment: "rushed", oneToOne: "yes" }),
      answer({ name: "Bob", comment: "good", oneToOne: "yes" }),
      answer({ name: "Dee", step: 3, completedAt: null, comment: "half way" }),
    ]);
    expect(s.invited).toBe(3);
    expect(s.answered).toBe(2);
    expect(s.comments).toEqual([
      { name: null, text: "rushed" },
      { name: "Bob", text: "good" },
    ]);
    expect(s.oneToOne).toEqual({ named: ["Bob"], anonymous: 1 });
    expect(JSON.stringify(s)).not.toContain("Ann");
    expect(JSON.stringify(s)).not.toContain("half way");
  });
});

describe("reading a support need", () => {
  it("takes a leading kind, and files anything else as other", () => {
    expect(readSupportNeed("accessibility large print")).toEqual({
      kind: "accessibility",
      need: "large print",
    });
    expect(readSupportNeed("wellbeing: someone to talk to")).toEqual({
      kind: "wellbeing",
      need: "someone to talk to",
    });
    expect(readSupportNeed("a lift please")).toEqual({ kind: "other", need: "a lift please" });
    expect(readSupportNeed("practical")).toEqual({ kind: "other", need: "practical" });
  });
});
