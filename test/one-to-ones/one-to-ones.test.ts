import { afterEach, describe, expect, it } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// The group joins on Tuesday 1 December 2026; with one every 42 days, a first one-to-one is due
// by Tuesday 12 January 2027. On Wednesday 20 January everyone is overdue.
async function overdueGroup() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  h.clock.set("2027-01-20T10:00:00Z");
}

describe("one-to-ones", () => {
  it("logs a one-to-one for today and says the date it understood", async () => {
    await overdueGroup();
    const reply = await h.say("chris", "/onetoone <@kim|Kim>");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("Logged: a one-to-one with Kim today (Wednesday 20 January)");
    expect(reply.text).toContain("The next one is due by Wednesday 3 March");
  });

  it("logs one on a day in the past, and refuses a day still to come", async () => {
    await overdueGroup();
    const past = await h.say("chris", "/onetoone <@kim|Kim> on 2027-01-18");
    expect(past.text).toContain("one-to-one with Kim on Monday 18 January");
    const future = await h.say("chris", "/onetoone <@kim|Kim> on 2027-02-01");
    expect(future.error).toBe("onetoone.future");
  });

  it("puts a member who asked first in the chair's list, and logging one clears them", async () => {
    await overdueGroup();
    await h.say("chris", "/onetoone <@kim|Kim> on 2027-01-18");
    const asked = await h.say("sam", "/onetoone request", "dm");
    expect(asked.text).toContain("I've let the chair of *Medication safety* know");
    await h.bot.deliver();
    const toChris = h.gateway.to("test:chris");
    expect(toChris).toHaveLength(1);
    expect(toChris[0]?.text).toContain("Sam asked for a one-to-one");

    const list = await h.say("chris", "/onetoone");
    const lines = list.text.split("\n").filter((l) => /^\s*[•-]/.test(l));
    expect(lines[0]).toContain("Sam* asked for one on Wednesday 20 January");
    expect(lines[1]).toContain("Lee* — No one-to-one yet. Was due Tuesday 12 January");
    expect(lines[2]).toContain("Kim* — Last one: Monday 18 January. Next due Monday 1 March");

    const logged = await h.say("chris", "/onetoone <@sam|Sam>");
    expect(logged.text).toContain("Their request for one is now cleared");
    const after = await h.say("chris", "/onetoone");
    expect(after.text).not.toContain("asked for one on");
    expect(after.text.split("\n").filter((l) => /^\s*[•-]/.test(l))[0]).toContain("Lee*");
  });

  it("asking twice tells the chair once", async () => {
    await overdueGroup();
    await h.say("sam", "/onetoone request");
    const again = await h.say("sam", "/onetoone request");
    expect(again.text).toContain("already asked");
    await h.bot.deliver();
    expect(h.gateway.to("test:chris")).toHaveLength(1);
  });

  it("holds a request made at night until the chair's morning", async () => {
    await overdueGroup();
    h.clock.set("2027-01-20T22:00:00Z");
    await h.say("sam", "/onetoone request");
    await h.bot.tick();
    expect(h.gateway.to("test:chris")).toHaveLength(0);
    h.clock.set("2027-01-21T08:00:00Z");
    await h.bot.tick();
    expect(h.gateway.to("test:chris")).toHaveLength(1);
  });

  it("shows a member only their own dates and a coordinator only counts", async () => {
    await overdueGroup();
    await h.say("chris", "/onetoone <@kim|Kim> on 2027-01-18");
    const kim = await h.say("kim", "/onetoone");
    expect(kim.text).toContain("Your last one-to-one was on Monday 18 January");
    expect(kim.text).not.toContain("Sam");
    const cora = await h.say("cora", "/onetoone");
    expect(cora.text).toContain("2 of 3 members of *Medication safety* are overdue");
    expect(cora.text).not.toMatch(/Sam|Lee|Kim|January/);
    const sneaky = await h.say("sam", "/onetoone <@kim|Kim>");
    expect(sneaky.error).toBe("permission.denied");
  });

  it("sends the chair a weekly list on the digest schedule, only when someone is due", async () => {
    await overdueGroup();
    await h.say("lee", "/onetoone request");
    await h.bot.deliver();
    h.gateway.clear();
    h.clock.set("2027-01-25T08:55:00Z"); // Monday
    await h.bot.tick();
    expect(h.gateway.to("test:chris")).toHaveLength(0);
    h.clock.set("2027-01-25T09:00:00Z");
    await h.bot.tick();
    h.clock.set("2027-01-25T09:30:00Z");
    await h.bot.tick();
    const weekly = h.gateway.to("test:chris");
    expect(weekly).toHaveLength(1);
    expect(weekly[0]?.text).toContain("1 member has asked for a one-to-one");
    const lines = weekly[0]?.text.split("\n").filter((l) => /^\s*[•-]/.test(l)) ?? [];
    expect(lines[0]).toContain("Lee* asked for one");
    expect(lines).toHaveLength(3);

    // Everyone seen: the next Monday there is nothing to say, so nothing is sent.
    for (const who of ["sam", "kim", "lee"]) await h.say("chris", `/onetoone <@${who}|${who}>`);
    h.gateway.clear();
    h.clock.set("2027-02-01T09:00:00Z");
    await h.bot.tick();
    expect(h.gateway.to("test:chris")).toHaveLength(0);
  });

  it("keeps the chair's list weekly even when the digest goes every day", async () => {
    await overdueGroup();
    await h.say("cora", "/workstream set digest 0 9 * * *");
    await h.say("lee", "/onetoone request");
    await h.bot.deliver();
    h.gateway.clear();
    for (const day of ["25", "26", "27"]) {
      h.clock.set(`2027-01-${day}T09:00:00Z`);
      await h.bot.tick();
    }
    const lists = h.gateway.to("test:chris").filter((s) => s.text.includes("asked for a one-to-one"));
    expect(lists).toHaveLength(1);
  });
});
