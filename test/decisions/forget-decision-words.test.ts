import { afterEach, describe, expect, it } from "vitest";
import { forgetPerson } from "../../adapters/sqlite/forget-person.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** Every stored message body, as the database file holds it. */
const bodies = () => (h.db.prepare("SELECT message FROM outbox").pluck().all() as string[]).join("\n");

// The attack: someone holding the database file after `npm run forget` looks for the words
// of a decision the forgotten person recorded, in the channel post, the dissenter's message
// and the papers message whose agenda carried it.
describe("npm run forget: a decision's words in messages", () => {
  it("leaves no trace of the words in any stored message, sent or waiting, and the log keeps DC-1", async () => {
    h = createHarness({ start: "2026-12-01T08:00:00Z" });
    await seedGroup(h);
    await h.say("cora", "/meeting schedule 2026-12-04 14:00 Planning");
    await h.say("sam", "/dissent Fridays are hard for carers");
    await h.say("cora", "/papers add M-1 https://example.org/a.pdf Agenda");
    await h.say("cora", "/papers send M-1");
    await h.bot.deliver();
    await h.say("chris", "/decision The hospital car park closes in spring outside dissent D-1");
    await h.bot.deliver();
    // One more, still waiting to be sent when the chair is forgotten.
    await h.say("chris", "/decision Minutes are written by the volunteers outside");
    expect(bodies()).toContain("The hospital car park closes in spring");
    expect(bodies()).toContain("Minutes are written by the volunteers");

    const report = forgetPerson(h.db, "test:chris");
    expect(report.found).toBe(true);
    expect(bodies()).not.toContain("car park closes");
    expect(bodies()).not.toContain("written by the volunteers");
    const log = await h.say("sam", "/decision list");
    expect(log.text).toContain("DC-1");
    expect(log.text).toContain("DC-2");
    expect(log.text).not.toContain("car park");
    expect(log.text).not.toContain("Chris");
    const agenda = await h.say("sam", "/agenda M-1");
    expect(agenda.text).not.toContain("car park");
    await h.bot.deliver();
    expect(
      h.gateway
        .to(h.channel)
        .map((s) => s.text)
        .join("\n"),
    ).not.toContain("written by the volunteers");
  });
});
