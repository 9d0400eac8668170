import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** Tuesday 1 December, 8am: M-1 on Friday 18 December, 2pm. */
async function withMeeting() {
  h = createHarness({ start: "2026-12-01T08:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/meeting schedule 2026-12-18 14:00 Budget review");
  await h.say("sam", "/dissent Thursdays are hard for carers");
  await h.bot.deliver();
  h.gateway.clear();
}

describe("/decision reads its dissent clause exactly (§16)", () => {
  it.each([
    ["dissent 1", '"1"'],
    ["dissent #1", '"#1"'],
    ["dissent D-x", '"D-x"'],
    ["dissent banana", '"banana"'],
  ])("refuses '%s' with an example, and records nothing", async (clause, named) => {
    await withMeeting();
    const r = await h.say("chris", `/decision Meetings stay on Thursdays ${clause}`);
    expect(r.error).toBe("clause.unreadable");
    expect(r.text).toContain(named);
    expect(r.text).toContain("D-4");
    expect(r.text).toContain("/decision We will move the meetings to Thursdays dissent D-2");
    expect((await h.say("sam", "/decision list")).text).toContain("is empty");
    await h.bot.deliver();
    expect(h.gateway.to(h.channel)).toHaveLength(0);
  });

  it("still takes ordinary words after 'dissent' as part of the decision", async () => {
    await withMeeting();
    const r = await h.say("chris", "/decision We noted the dissent from carers");
    expect(r.error).toBeUndefined();
    expect(r.text).toContain('"We noted the dissent from carers"');
  });
});
