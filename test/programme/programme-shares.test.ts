import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUPS, type Group } from "../../src/domain/roles.ts";
import { addShares, checkInShares, emptyShares } from "../../src/use-cases/programme-shares.ts";

// The programme's figures are sums of each check-in's folded figure. Whatever the answers, in
// any sum of them: every group shown holds 3 or more answers, and the groups add up to the total
// shown, so neither a small group nor "the total minus the groups shown" can point at anyone.
const checkIn = fc.array(
  fc.record({
    group: fc.constantFrom<Group>(...GROUPS),
    yes: fc.boolean(),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  { maxLength: 8 },
);

describe("programme figures from check-ins folded one by one", () => {
  it("never show a group under 3, and always add up to their total", () => {
    fc.assert(
      fc.property(fc.array(checkIn, { maxLength: 6 }), (checkIns) => {
        const whole = emptyShares();
        for (const rows of checkIns) {
          const one = checkInShares(rows);
          for (const s of one.groups.values()) expect(s.all).toBeGreaterThanOrEqual(3);
          addShares(whole, one);
        }
        for (const s of whole.groups.values()) expect(s.all).toBeGreaterThanOrEqual(3);
        const sum = [...whole.groups.values()].reduce((n, s) => n + s.all, 0);
        expect(sum).toBe(whole.all.all);
        expect(whole.all.all === 0 || whole.all.all >= 3).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("count a check-in with fewer than 3 answers nowhere", () => {
    const two = checkInShares([{ group: "carer", yes: true, count: 2 }]);
    expect(two.all).toEqual({ yes: 0, all: 0 });
    expect(two.groups.size).toBe(0);
  });
});
