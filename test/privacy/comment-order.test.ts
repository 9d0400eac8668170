import { afterEach, describe, expect, it } from "vitest";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

/**
 * PRODUCT.md §15: comments are shown in an order that says nothing about who wrote them. Sorted
 * by author, an anonymous comment's place among the named ones (and `/checkin status`, which
 * lists who answered by name) would say whose it was.
 */

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const PEOPLE = ["ann", "bob", "dee", "eve", "fay", "gus"];
const COMMENTS = [
  "the room was cold",
  "papers were clear",
  "too many acronyms",
  "good to hear from carers",
  "the chair was kind",
  "we ran out of time",
];

/** Runs a check-in where PEOPLE[i] writes COMMENTS[order[i]], half of them anonymously; returns the comments as the chair reads them. */
async function summaryWith(order: number[]): Promise<string[]> {
  h?.cleanup();
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", `/workstream add ${PEOPLE.map((p) => `<@${p}|${p}>`).join(" ")}`);
  await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Medication review");
  h.clock.set("2026-12-01T12:30:00Z");
  await h.bot.tick();
  const drive = checkInDriver(h);
  drive.look();
  PEOPLE.forEach((who, i) => {
    drive.answer(who, [
      "Yes",
      "Fully",
      "Yes",
      { press: "Write something", fields: { comment: COMMENTS[order[i] ?? 0] ?? "" } },
      "No",
      "No",
      i % 2 === 0 ? "Answer anonymously" : "Share my name",
    ]);
  });
  h.clock.set("2026-12-04T12:30:00Z"); // Friday, after it closed at noon
  await h.bot.tick();
  const summary = h.gateway.to("test:chris").find((s) => s.text.includes("has closed"));
  expect(summary).toBeDefined();
  const text = renderPlainText(summary?.message ?? { text: "", blocks: [] });
  return COMMENTS.map((c) => ({ c, at: text.indexOf(`"${c}"`) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.c);
}

describe("comments in the chair's summary", () => {
  it("come in the same order whoever wrote them, so their place says nothing about their author", async () => {
    const first = await summaryWith([0, 1, 2, 3, 4, 5]);
    const second = await summaryWith([5, 3, 1, 4, 0, 2]);
    expect(first).toHaveLength(6);
    expect(second).toEqual(first);
  });

  it("are not listed in the order of their authors' names, as /checkin status lists who answered", async () => {
    const shown = await summaryWith([0, 1, 2, 3, 4, 5]);
    // By author (ann, bob, dee, eve, fay, gus) they would come out exactly as written.
    expect(shown).not.toEqual(COMMENTS);
  });
});
