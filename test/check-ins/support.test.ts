import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("cora", "/workstream add <@pat|Pat>");
  await h.say("cora", "/workstream role <@pat|Pat> coordinator");
  await h.bot.deliver();
  h.gateway.clear();
}

const addresses = () => h.gateway.sent.map((s) => s.address).sort();

describe("support requests", () => {
  it("reach only the coordinators, privately, with the member's name and need, and are tracked to done", async () => {
    await group();
    const asked = await h.say("sam", "/support practical a lift to the next meeting");
    expect(asked.text).toContain("Thanks, Sam. I've passed this privately to Cora and Pat (coordinator).");
    expect(asked.text).not.toContain("S-1");
    expect(asked.text).toContain("not the chair");
    await h.bot.deliver();
    expect(addresses()).toEqual(["test:cora", "test:pat"]);
    expect(h.gateway.to("test:cora")[0]?.text).toContain(
      'Sam in *Medication safety* has asked for practical support (S-1): "a lift to the next meeting"',
    );

    expect((await h.say("cora", "/support list")).text).toContain(
      'S-1 (practical, Tuesday 1 December): "a lift to the next meeting" — Sam',
    );
    const mine = (await h.say("sam", "/support list", "dm")).text;
    expect(mine).toContain('Practical, Tuesday 1 December: "a lift to the next meeting" — open');
    expect(mine).not.toContain("S-1");
    expect((await h.say("sam", "/support list")).text).toContain("— open");

    expect((await h.say("chris", "/support done S-1")).error).toBe("permission.denied");
    expect((await h.say("sam", "/support done S-1")).error).toBe("permission.denied");
    h.gateway.clear();
    const done = await h.say("pat", "/support done S-1");
    expect(done.text).toContain("S-1 (Sam) is marked as done");
    await h.bot.deliver();
    expect(addresses()).toEqual(["test:sam"]);
    expect(h.gateway.sent[0]?.text).toContain(
      "Pat has marked your support request from Tuesday 1 December as done",
    );
    expect(h.gateway.sent[0]?.text).not.toContain("S-1");
    expect((await h.say("cora", "/support list")).text).toContain("There are no open support requests");
    expect((await h.say("sam", "/support list")).text).toContain("— done");
    expect((await h.say("cora", "/support done S-1")).error).toBe("support.already-done");
    expect((await h.say("cora", "/support done S-7")).error).toBe("support.not-found");
    expect((await h.say("sam", "/support")).error).toBe("support.usage");
  });

  it("numbers each request per workstream and files a plain need as 'something else'", async () => {
    await group();
    await h.say("sam", "/support papers in large print please");
    await h.say("kim", "/support wellbeing: someone to talk to after meetings");
    const third = await h.say("pat", "/support practical a parking space");
    // Only a coordinator can use the number (`/support done S-3`), so only they are told it.
    expect(third.text).toContain("It's S-3.");
    const list = (await h.say("cora", "/support list")).text;
    expect(list).toContain('S-1 (something else, Tuesday 1 December): "papers in large print please" — Sam');
    expect(list).toContain('S-2 (wellbeing, Tuesday 1 December): "someone to talk to after meetings" — Kim');
  });

  it("from the check-in, goes to the coordinators at once, and a form sent twice makes one request", async () => {
    await group();
    await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Budget");
    h.clock.set("2026-12-01T12:00:00Z");
    await h.bot.tick();
    const drive = checkInDriver(h);
    drive.look();
    h.gateway.clear();
    drive.answer("sam", ["Yes", "Fully", "Yes", "Nothing to add", "No", "Yes, ask for support"]);
    const form = drive.submit("sam", { kind: "accessibility", need: "a hearing loop in the room" });
    expect(form.kind).toBe("update");
    expect(drive.screen("sam")).toContain("Question 7 of 7");
    // The same submission delivered again.
    h.bot.action({
      platform: "test",
      actor: h.person("sam"),
      action: "checkin.support-sent",
      value: String(h.db.prepare("SELECT id FROM checkins").pluck().get()),
      fields: { kind: "accessibility", need: "a hearing loop in the room" },
    });
    await h.bot.deliver();
    expect(addresses()).toEqual(["test:cora", "test:pat"]);
    expect(h.gateway.to("test:cora")[0]?.text).toContain(
      'Sam in *Medication safety* has asked for accessibility support (S-1): "a hearing loop in the room"',
    );
    drive.press("sam", "Answer anonymously");
    // Anonymous to the chair, but the coordinators still know who needs the hearing loop.
    expect((await h.say("cora", "/support list")).text).toContain("— Sam");
    expect((await h.say("chris", "/checkin summary")).text).not.toContain("hearing loop");
    expect(h.db.prepare("SELECT COUNT(*) FROM support_requests").pluck().get()).toBe(1);
  });
});
