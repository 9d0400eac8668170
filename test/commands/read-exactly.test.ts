import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { delivered, sayIn, snapshot } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

// Every input read exactly, or refused (PRODUCT.md §16). The harness clock starts at Tuesday
// 1 December 2026, 10am in London.
let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

/** The refusal, checked to have changed nothing. */
async function refused(who: string, text: string, where: "channel" | "dm" = "channel") {
  const before = snapshot(h);
  const reply = await h.say(who, text, where);
  expect(reply.error, `"${text}" should be refused`).toBeDefined();
  expect(snapshot(h)).toBe(before);
  return reply;
}

describe("the length of a meeting", () => {
  it("refuses 'for banana' as a length instead of putting it in the title", async () => {
    const reply = await refused("cora", "/meeting schedule next wednesday 2pm for banana Fruit");
    expect(reply.error).toBe("meeting.duration");
    expect(reply.text).toContain('"banana"');
    expect(reply.text).toContain("for 90m");
    expect(reply.text).toContain("for 1h30m");
    expect(reply.text).toContain("for 2 hours");
    expect((await h.say("sam", "/meeting list")).text).toContain("No meetings are booked");
  });

  it("refuses 'for 1.5h' and says to write it as 1h30m", async () => {
    const reply = await refused("cora", "/meeting schedule next wednesday 2pm for 1.5h Fruit");
    expect(reply.error).toBe("meeting.duration");
    expect(reply.text).toContain('"1.5h"');
    expect(reply.text).toContain("for 1h30m");
  });

  it("says 30 hours is longer than a meeting can be, rather than that it couldn't read it", async () => {
    const reply = await refused("cora", "/meeting schedule next wednesday 2pm for 30h Marathon");
    expect(reply.error).toBe("meeting.duration");
    expect(reply.text).not.toContain("couldn't read");
    expect(reply.text).toContain("30h");
    expect(reply.text).toContain("24 hours");
  });

  it("books a title that starts with 'for' when it is in quotes", async () => {
    const reply = await h.say("cora", '/meeting schedule next wednesday 2pm "For carers, by carers"');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("*For carers, by carers*, Wednesday 9 December, 2pm to 4pm");
  });

  it("still books 'for 90m' with the words after it as the title", async () => {
    const reply = await h.say("cora", "/meeting schedule next wednesday 2pm for 90m Budget for carers");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("*Budget for carers*, Wednesday 9 December, 2pm to 3:30pm");
  });
});

describe("when a meeting is", () => {
  it("asks for a time of day with 'in 3 days', and keeps the title when one is given", async () => {
    const reply = await refused("cora", "/meeting schedule in 3 days Three days");
    expect(reply.error).toBe("meeting.time");
    expect(reply.text).toContain("in 3 days at 2pm");
    const booked = await h.say("cora", "/meeting schedule in 3 days at 2pm Three days");
    expect(booked.error).toBeUndefined();
    expect(booked.text).toContain("*Three days*, Friday 4 December, 2pm to 4pm");
  });

  it("reads a bare 'tuesday' typed on a Tuesday as next Tuesday", async () => {
    const reply = await h.say("cora", "/meeting schedule tuesday 2pm Planning");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Tuesday 8 December, 2pm");
  });

  it("books today when asked for 'today', and doesn't promise a reminder the day before", async () => {
    const reply = await h.say("cora", "/meeting schedule today 2pm Planning");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Tuesday 1 December, 2pm");
    expect(reply.text).not.toContain("the day before");
    const later = await h.say("cora", "/meeting schedule next tuesday 2pm Review");
    expect(later.text).toContain("a reminder the day before");
  });

  it("says 25:00 is not a time of day instead of asking for one", async () => {
    const reply = await refused("cora", "/meeting schedule next wednesday 25:00 Late one");
    expect(reply.text).toContain("25:00");
    expect(reply.text).toContain("isn't a time of day");
    expect(reply.text).not.toContain("Please add a time of day");
  });
});

describe("dates that are not on the calendar", () => {
  it("says 31 February isn't a date, for a meeting and a revisit", async () => {
    const meeting = await refused("cora", "/meeting schedule 2027-02-31 14:00 Planning");
    expect(meeting.text).toContain('"2027-02-31" isn\'t a date on the calendar');
    const park = await refused("chris", "/park Something revisit 2027-02-31");
    expect(park.text).toContain('"2027-02-31" isn\'t a date on the calendar');
  });

  it("says 13pm isn't a time of day", async () => {
    const reply = await refused("cora", "/meeting schedule tomorrow at 13pm Planning");
    expect(reply.text).toContain('"13pm" isn\'t a time of day');
  });
});

describe("parking an issue", () => {
  it("refuses 'revisit 31 feb' instead of parking it in the title with no date", async () => {
    const reply = await refused("chris", "/park Something revisit 31 feb");
    expect(reply.error).toBe("time.unreadable");
    expect(reply.text).toContain('"31 feb"');
    expect(reply.text).toContain("revisit 2027-01-12");
  });

  it("refuses 'owner sam' without a mention instead of making the chair the owner", async () => {
    const reply = await refused("chris", "/park Something owner sam");
    expect(reply.error).toBe("park.owner");
    expect(reply.text).toContain('"sam"');
    expect(reply.text).toContain("owner @sam");
  });

  it("still parks a title with 'revisit' in it when a revisit date follows", async () => {
    const reply = await h.say("chris", "/park Whether to revisit the budget revisit 2027-01-12");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("*Whether to revisit the budget*");
  });

  it("says how to keep 'revisit' in a title when no date follows it", async () => {
    const reply = await refused("chris", "/park Whether to revisit the budget");
    expect(reply.text).toContain('"the budget"');
    expect(reply.text).toContain("put the title in quotes");
  });

  it("parks a title in quotes exactly as written, clause words and all", async () => {
    const reply = await h.say("chris", '/park "Whether to revisit the budget" owner <@sam|Sam>');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("P-1 is parked: *Whether to revisit the budget*. Owner: Sam.");
  });

  it("says a named owner is not in the workstream without a double negative", async () => {
    const reply = await refused("chris", "/park Something owner <@nobody|Nobody>");
    expect(reply.error).toBe("park.owner");
    expect(reply.text).not.toContain("Nobody isn't");
    expect(reply.text).toContain("Nobody");
    expect(reply.text).toContain("/workstream add");
  });
});

describe("limits on what people write", () => {
  it("refuses a 10,000-character meeting title, saying the limit", async () => {
    const reply = await refused("cora", `/meeting schedule next tuesday 2pm ${"x".repeat(10_000)}`);
    expect(reply.error).toBe("text.too-long");
    expect(reply.text).toBe("That title is 10,000 characters long; please keep it to 200.");
  });

  it("refuses a 40,000-character parked title, saying the limit", async () => {
    const reply = await refused("chris", `/park ${"y".repeat(40_000)}`);
    expect(reply.text).toBe("That title is 40,000 characters long; please keep it to 200.");
  });

  it("refuses a support need over 1,500 characters", async () => {
    const reply = await refused("sam", `/support ${"z".repeat(2_000)}`);
    expect(reply.text).toContain("keep it to 1,500");
  });

  it("refuses a view over 1,500 characters, and a glossary word over 80", async () => {
    expect((await refused("sam", `/dissent ${"v".repeat(1_501)}`)).text).toContain("keep it to 1,500");
    const long = await refused("cora", `/glossary add ${"w".repeat(81)} = a meaning`);
    expect(long.text).toContain("keep it to 80");
  });
});

describe("text other people will see", () => {
  it("removes a right-to-left override and control characters from a meeting title before posting it", async () => {
    const reply = await h.say("cora", "/meeting schedule next tuesday 2pm Budget\u202e\u0007 review\u2066");
    expect(reply.error).toBeUndefined();
    const posts = (await delivered(h)).filter((s) => s.address === h.channel);
    expect(posts[0]?.text).toContain("*Budget review*");
    for (const unsafe of ["\u202e", "\u0007", "\u2066"]) expect(posts[0]?.text).not.toContain(unsafe);
  });

  it("removes them from a person's name before others see it", async () => {
    await h.say("cora", "/workstream add <@zed|Zed\u202eevil>");
    const shown = await h.say("sam", "/workstream");
    expect(shown.text).toContain("Zedevil");
    expect(shown.text).not.toContain("\u202e");
  });

  it("removes them from a parked title and a view too", async () => {
    await h.say("chris", "/park Trans\u202dport costs");
    await h.say("sam", "/dissent The rota\u200f is unsafe");
    const posts = (await delivered(h)).filter((s) => s.address === h.channel).map((s) => s.text);
    expect(posts.join("\n")).toContain("*Transport costs*");
    expect(posts.join("\n")).toContain("The rota is unsafe");
    expect(posts.join("\n")).not.toMatch(/[\u202d\u200f]/);
  });
});

describe("clear answers", () => {
  it("refuses words after a command that takes none, saying which words", async () => {
    const reply = await refused("sam", "/meeting list tomorrow please");
    expect(reply.text).toContain('"tomorrow please"');
    expect(reply.text).toContain("`/meeting list`");
  });

  it("tells someone who typed 'hello' to type /help", async () => {
    const reply = await refused("sam", "hello");
    expect(reply.error).toBe("command.unknown");
    expect(reply.text).toContain("`/hello`");
    expect(reply.text).toContain("type `/help`");
  });

  it("says there is no workstream called 'nowhere' and names the person's own", async () => {
    await sayIn(h, "cora", "/workstream setup Carers forum", "test:#carers");
    await sayIn(h, "cora", "/workstream add <@sam|Sam>", "test:#carers");
    const reply = await refused("sam", "/dissent list in nowhere", "dm");
    expect(reply.error).toBe("workstream.which");
    expect(reply.text).toContain('no workstream called "nowhere"');
    expect(reply.text).toContain("Medication safety");
    expect(reply.text).toContain("Carers forum");
  });

  it("says '@zoë' isn't a mention it can read, and how to mention someone", async () => {
    const reply = await refused("cora", "/workstream add @zoë");
    expect(reply.text).toContain('"@zoë"');
    expect(reply.text).toContain("Type @ and pick the person");
  });

  it("says a meeting 'has already ended', not 'is already ended'", async () => {
    await h.say("cora", "/meeting schedule 2026-12-01 11:00 Morning");
    h.clock.set("2026-12-01T11:30:00Z");
    await h.say("chris", "/meeting end M-1");
    const reply = await refused("chris", "/meeting end M-1");
    expect(reply.text).toContain("M-1 has already ended");
    const cancel = await refused("cora", "/meeting cancel M-1");
    expect(cancel.text).toContain("M-1 has already ended");
  });

  it("logs a one-to-one 'today', not 'on today'", async () => {
    const reply = await h.say("chris", "/onetoone <@sam|Sam>");
    expect(reply.text).toContain("Logged: a one-to-one with Sam today (Tuesday 1 December).");
  });
});
