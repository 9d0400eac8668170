import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Audience, FOLDED, foldFigure } from "../../src/domain/anonymity.ts";
import { type SummaryAnswer, summariseCheckIn } from "../../src/domain/check-in-summary.ts";
import type { Group } from "../../src/domain/roles.ts";

/**
 * PRODUCT.md §15: the one rule every figure goes through. The table is every case we could
 * think of; the property is the attack itself — a reader who knows everything but the
 * anonymous answers, watching a check-in fill up and then close, must never be able to tell
 * one anonymous person's answer.
 */

type Spec = string; // "s" service-user named, "S" anonymous; c/C carer; o/O official; l/L clinician

const GROUP: Record<string, Group> = { s: "service-user", c: "carer", o: "official", l: "clinician" };

function answers(spec: Spec): Array<{ group: Group; anonymous: boolean; id: number }> {
  return [...spec].map((ch, id) => ({
    group: GROUP[ch.toLowerCase()] as Group,
    anonymous: ch !== ch.toLowerCase(),
    id,
  }));
}

/** A folded figure as "group:size" strings, the total's size and what was held back. */
function shape(spec: Spec, audience: Audience) {
  const f = foldFigure(answers(spec), audience);
  return {
    counted: f.counted.length,
    heldBack: f.heldBack,
    groups: f.groups.map((g) => `${g.label}:${g.answers.length}`),
  };
}

describe("the one folding rule", () => {
  it.each<[string, Spec, Audience, { counted: number; heldBack: number; groups: string[] }]>([
    [
      "shows nothing from one or two answers to coordinators",
      "ss",
      "aggregates",
      { counted: 0, heldBack: 2, groups: [] },
    ],
    [
      "shows three answers in one group as the total only",
      "sss",
      "aggregates",
      { counted: 3, heldBack: 0, groups: ["service-user:3"] },
    ],
    [
      "folds a lone carer with the service users rather than leave the carer as the rest",
      "sssc",
      "aggregates",
      { counted: 4, heldBack: 0, groups: [] },
    ],
    [
      "keeps two groups of three apart",
      "sssccc",
      "aggregates",
      { counted: 6, heldBack: 0, groups: ["service-user:3", "carer:3"] },
    ],
    [
      "folds two small groups together when they make three",
      "sssco" + "o",
      "aggregates",
      { counted: 6, heldBack: 0, groups: ["service-user:3", `${FOLDED}:3`] },
    ],
    [
      "folds the smallest shown group in when the small ones make only two",
      "ssssccc" + "o" + "l",
      "aggregates",
      { counted: 9, heldBack: 0, groups: ["service-user:4", `${FOLDED}:5`] },
    ],
    ["lets a chair see named answers however few", "sc", "chair", { counted: 2, heldBack: 0, groups: [] }],
    [
      "holds back one anonymous answer among named ones (total minus named would be it)",
      "sssS",
      "chair",
      { counted: 3, heldBack: 1, groups: ["service-user:3"] },
    ],
    ["holds back two anonymous answers", "ssSS", "chair", { counted: 2, heldBack: 2, groups: [] }],
    [
      "counts three anonymous answers",
      "sSSS",
      "chair",
      { counted: 4, heldBack: 0, groups: ["service-user:4"] },
    ],
    [
      "gives no groups when a group's one anonymous answer would be its total minus its named ones",
      "sssSccCC" + "C",
      "chair",
      { counted: 9, heldBack: 0, groups: [] },
    ],
    [
      "folds a group with one anonymous answer into another group's anonymous ones",
      "sssSSccCCCooo",
      "chair",
      { counted: 13, heldBack: 0, groups: ["official:3", `${FOLDED}:10`] },
    ],
    [
      "folds everything when no split keeps every group's anonymous answers at none or three",
      "ssSSccC",
      "chair",
      { counted: 7, heldBack: 0, groups: [] },
    ],
    [
      "shows a group of named answers beside a group of three anonymous ones",
      "sssCCC",
      "chair",
      { counted: 6, heldBack: 0, groups: ["service-user:3", "carer:3"] },
    ],
  ])("%s", (_name, spec, audience, expected) => {
    expect(shape(spec, audience)).toEqual(expected);
  });

  it("always shows groups that hold every counted answer, each safe", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[scolSCOL]{0,14}$/),
        fc.constantFrom<Audience>("chair", "aggregates"),
        (spec, audience) => {
          const f = foldFigure(answers(spec), audience);
          const hidden = (a: { anonymous: boolean }) => audience === "aggregates" || a.anonymous;
          if (f.groups.length > 0)
            expect(f.groups.reduce((n, g) => n + g.answers.length, 0)).toBe(f.counted.length);
          for (const g of f.groups) {
            expect(g.answers.length).toBeGreaterThanOrEqual(3);
            const n = g.answers.filter(hidden).length;
            expect(n === 0 || n >= 3).toBe(true);
          }
          const shownAnonymous = f.counted.filter(hidden).length;
          expect(shownAnonymous === 0 || shownAnonymous >= 3).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// --- The attack, as a property -------------------------------------------------------------

interface Person {
  name: string;
  group: Group;
  anonymous: boolean;
  answer: Omit<SummaryAnswer, "group" | "anonymous" | "name">;
}

const personArb = fc.record({
  group: fc.constantFrom<Group>("service-user", "carer", "official", "clinician"),
  anonymous: fc.boolean(),
  attended: fc.constantFrom<"yes" | "no">("yes", "yes", "yes", "no"),
  spoke: fc.constantFrom<"fully" | "partly" | "not-really">("fully", "partly", "not-really"),
  listened: fc.constantFrom<"yes" | "partly" | "no">("yes", "partly", "no"),
  comment: fc.option(fc.constantFrom("too fast", "felt heard", "more breaks", "thank you"), { nil: null }),
  oneToOne: fc.constantFrom<"yes" | "no">("yes", "no"),
});

function people(raw: Array<typeof personArb extends fc.Arbitrary<infer T> ? T : never>): Person[] {
  return raw.map((r, i) => ({
    name: `P${i}`,
    group: r.group,
    anonymous: r.anonymous,
    answer:
      r.attended === "no"
        ? { attended: "no", spoke: null, listened: null, comment: null, oneToOne: r.oneToOne }
        : { attended: "yes", spoke: r.spoke, listened: r.listened, comment: r.comment, oneToOne: r.oneToOne },
  }));
}

/**
 * Everything a reader sees of one check-in as it fills up: `/checkin status` (who has
 * answered) and the summary after each answer while open, then both once it closes.
 */
function views(everyone: Person[], invited: number, audience: Audience): string {
  const seen: unknown[] = [];
  const asAnswer = (p: Person): SummaryAnswer => ({
    ...p.answer,
    group: p.group,
    anonymous: p.anonymous,
    name: p.anonymous ? null : p.name,
  });
  for (let n = 0; n <= everyone.length; n++) {
    const sofar = everyone.slice(0, n);
    // The store lists anonymous answers in random order, named ones by name: shuffle both.
    const shuffled = [...sofar].sort(() => 0.5 - Math.random());
    seen.push({
      status: sofar.map((p) => p.name).sort(),
      summary: summariseCheckIn({ invited, answers: shuffled.map(asAnswer), open: true, seed: 7, audience }),
    });
  }
  const closed = summariseCheckIn({
    invited,
    answers: [...everyone].sort(() => 0.5 - Math.random()).map(asAnswer),
    open: false,
    seed: 7,
    audience,
  });
  // Named comments are tied to a name anyway; compare the anonymous ones as a set-ordered list.
  seen.push({ closed });
  return JSON.stringify(seen);
}

/** The secret answers: who came is no secret from a chair, who ran the meeting. */
const QUESTIONS = ["spoke", "listened", "comment", "oneToOne"] as const;

/** Another possible answer to the same question. */
const ALTERNATIVE: Record<(typeof QUESTIONS)[number], (value: unknown) => unknown> = {
  spoke: (v) => (v === "fully" ? "partly" : "fully"),
  listened: (v) => (v === "yes" ? "no" : "yes"),
  comment: (v) => (v === null ? "a different note" : null),
  oneToOne: (v) => (v === "yes" ? "no" : "yes"),
};

describe("no sequence of views gives an anonymous person away", () => {
  for (const audience of ["chair", "aggregates"] as const) {
    it(`to ${audience === "chair" ? "a chair" : "a coordinator"}: each anonymous answer could be someone else's`, () => {
      fc.assert(
        fc.property(fc.array(personArb, { minLength: 1, maxLength: 12 }), (raw) => {
          const everyone = people(raw);
          // What the reader cannot see: answers given anonymously (to a coordinator, every answer).
          const secret = (p: Person) => audience === "aggregates" || p.anonymous;
          const invited = everyone.length + 2;
          const before = views(everyone, invited, audience);
          for (const p of everyone.filter(secret)) {
            for (const question of QUESTIONS) {
              const mine = p.answer[question];
              // Not asked (they didn't come): nothing of theirs to find.
              if (question !== "comment" ? mine === null : p.answer.attended !== "yes") continue;
              const asked = (q: Person) =>
                question !== "comment" ? q.answer[question] !== null : q.answer.attended === "yes";
              const withAnswer = (who: Person, value: unknown) =>
                everyone.map((x) => (x === who ? { ...x, answer: { ...x.answer, [question]: value } } : x));
              const other = ALTERNATIVE[question](mine);
              if (views(withAnswer(p, other), invited, audience) === before) continue;
              // It shows: it must be one of at least three answers that could be swapped unseen.
              const swaps = everyone.filter((q) => {
                if (q === p || !secret(q) || !asked(q)) return false;
                const swapped = everyone.map((x) =>
                  x === p
                    ? { ...x, answer: { ...x.answer, [question]: q.answer[question] } }
                    : x === q
                      ? { ...x, answer: { ...x.answer, [question]: mine } }
                      : x,
                );
                return views(swapped, invited, audience) === before;
              });
              expect(
                swaps.length,
                `${p.name}'s "${question}" answer shows, and only ${swaps.length} others could have given it`,
              ).toBeGreaterThanOrEqual(2);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
