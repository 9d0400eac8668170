import { afterEach, describe, expect, it } from "vitest";
import type { Button, Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const CLOSED = "Medication safety was closed on Tuesday 1 December, so nothing in it can be changed now.";

async function group() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" }); // a Tuesday morning
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-10 14:00 Planning");
  await h.say("sam", "/dissent The rota is unsafe for night staff");
  await h.say("chris", "/park Parking at the hospital");
  await h.say("cora", "/glossary add ICB = Integrated Care Board");
  // Open support makes every digest worth sending.
  await h.say("kim", "/support A lift to the meetings");
  await h.bot.deliver();
  h.gateway.clear();
}

const buttonsOf = (m: Message): Button[] => m.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : []));

async function askToClose(who = "cora") {
  const reply = await h.bot.command({
    platform: "test",
    actor: h.person(who),
    channel: h.channel,
    text: "/workstream close",
  });
  return { text: renderPlainText(reply.message), buttons: buttonsOf(reply.message), error: reply.error };
}

function press(who: string, button: Button) {
  const result = h.bot.action({
    platform: "test",
    actor: h.person(who),
    action: button.action,
    value: button.value,
  });
  return { kind: result.kind, text: result.kind === "form" ? "" : renderPlainText(result.message) };
}

async function close() {
  const asked = await askToClose();
  const yes = asked.buttons.find((b) => b.label === "Yes, close it");
  if (!yes) throw new Error("no confirm button");
  const done = press("cora", yes);
  await h.bot.deliver();
  return done;
}

describe("/workstream close", () => {
  it("asks the coordinator to confirm first, and 'No, keep it open' changes nothing", async () => {
    await group();
    const asked = await askToClose();
    expect(asked.error).toBeUndefined();
    expect(asked.text).toContain(
      "Close *Medication safety*? It will become read-only: no more reminders, check-ins or digests. The meeting still booked will be cancelled.",
    );
    expect(asked.buttons.map((b) => b.label)).toEqual(["Yes, close it", "No, keep it open"]);
    expect(h.store.workstreams.byChannel(h.channel)?.closedAt).toBeNull();
    const no = press("cora", asked.buttons[1] as Button);
    expect(no).toEqual({
      kind: "update",
      text: expect.stringContaining("*Medication safety* stays open. Nothing was changed."),
    });
    expect(h.store.workstreams.byChannel(h.channel)?.closedAt).toBeNull();
    expect((await h.say("chris", "/meeting schedule 2026-12-17 14:00 Next")).error).toBeUndefined();
  });

  it("on confirm, posts in the channel, cancels meetings still booked, and keeps every record listable", async () => {
    await group();
    const done = await close();
    expect(done.kind).toBe("update");
    expect(done.text).toContain("*Medication safety* is closed. I've posted a note in the channel.");
    expect(done.text).toContain("Cancelled the meetings still booked: M-1.");
    const posts = h.gateway.to(h.channel).map((s) => s.text);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("*Medication safety* has now closed. Thank you, everyone");
    expect((await h.say("sam", "/dissent list")).text).toContain("The rota is unsafe for night staff");
    expect((await h.say("sam", "/parked")).text).toContain("Parking at the hospital");
    expect((await h.say("sam", "/glossary")).text).toContain("ICB");
    for (const read of [
      "/workstream",
      "/meeting list",
      "/groundrules",
      "/papers M-1",
      "/agenda M-1",
      "/onetoone",
      "/support list",
    ]) {
      expect((await h.say("sam", read)).error, read).toBeUndefined();
    }
  });

  it("answers every command that would change it plainly that it is closed, and changes nothing", async () => {
    await group();
    await close();
    for (const [who, text] of [
      ["chris", "/meeting schedule 2026-12-17 14:00 Next"],
      ["sam", "/dissent I still disagree"],
      ["chris", "/park Another issue"],
      ["cora", "/glossary add GP = family doctor"],
      ["cora", "/workstream add <@newbie|Newbie>"],
      ["chris", "/groundrules set 1 Name badges"],
      ["chris", "/groundrules ask"],
      ["cora", "/digest now"],
      ["chris", "/onetoone <@sam|Sam>"],
      ["sam", "/support a lift to the meeting"],
      ["cora", "/workstream close"],
    ] as const) {
      const r = await h.say(who, text);
      expect(r.error, text).toBe("workstream.closed");
      expect(r.text).toContain(CLOSED);
    }
    expect(h.db.prepare("SELECT COUNT(*) FROM meetings").pluck().get()).toBe(1);
    expect(h.db.prepare("SELECT COUNT(*) FROM dissent").pluck().get()).toBe(1);
  });

  it("sends no more reminders, papers, check-ins or digests, where an open workstream would", async () => {
    const messagesOverThreeWeeks = async () => {
      h.gateway.clear();
      for (let day = 2; day <= 22; day++) {
        for (const hour of ["09:00", "15:00", "17:00"]) {
          h.clock.set(`2026-12-${String(day).padStart(2, "0")}T${hour}:00Z`);
          await h.bot.tick();
        }
      }
      return h.gateway.sent.map((s) => `${s.address} ${s.text.slice(0, 60)}`);
    };
    await group();
    const open = await messagesOverThreeWeeks();
    // The control: left open, the same weeks bring papers, reminders, a check-in and digests.
    expect(open.some((s) => s.includes("digest") || s.includes("coordinator"))).toBe(true);
    expect(open.length).toBeGreaterThan(5);
    h.cleanup();

    await group();
    await close();
    const after = await messagesOverThreeWeeks();
    // Only the final evaluation, sent as it closed, carries on: its one reminder to those who
    // have not answered, then its summary to the chair and the coordinator. Nothing else.
    expect(after.filter((s) => !s.includes("final evaluation"))).toEqual([]);
    expect(after.filter((s) => s.includes("A gentle reminder about the final evaluation"))).toHaveLength(5);
    expect(
      after.filter((s) => s.includes("The final evaluation for *Medication safety* has closed")),
    ).toEqual([expect.stringMatching(/^test:chris /), expect.stringMatching(/^test:cora /)]);
    // Not because there was nothing to say: the digest still has the open support request.
    expect(h.db.prepare("SELECT COUNT(*) FROM support_requests WHERE status = 'open'").pluck().get()).toBe(1);
  });

  it("opens no check-in for a meeting that was under way when it closed", async () => {
    await group();
    expect(
      (await h.say("chris", "/meeting schedule 2026-12-01 10:30 for 1h Under way")).error,
    ).toBeUndefined();
    h.clock.set("2026-12-01T10:45:00Z");
    await h.bot.tick();
    await close();
    h.gateway.clear();
    h.clock.set("2026-12-01T12:00:00Z");
    await h.bot.tick();
    h.clock.set("2026-12-02T12:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.map((s) => s.text)).toEqual([]);
  });

  it("makes old buttons that would change something answer that it is closed", async () => {
    await group();
    await h.say("chris", "/groundrules ask");
    await h.bot.deliver();
    const drive = checkInDriver(h);
    drive.look();
    const answerButton = drive.button("sam", "Answer the questions");
    expect(answerButton).toBeDefined();
    await close();
    const late = press("sam", answerButton as Button);
    expect(late).toEqual({ kind: "reply", text: expect.stringContaining(CLOSED) });
    // The round closed with the workstream, so the chair still gets what was said.
    expect(
      h.gateway
        .to("test:chris")
        .some((s) => s.text.includes("The ground-rules questions for *Medication safety* have closed.")),
    ).toBe(true);
  });

  it("closes a check-in still open, so the chair gets its summary, and stops its buttons", async () => {
    await group();
    await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Today");
    h.clock.set("2026-12-01T12:30:00Z");
    await h.bot.tick();
    const drive = checkInDriver(h);
    drive.look();
    const yes = drive.button("sam", "Yes");
    expect(yes).toBeDefined();
    h.gateway.clear();
    await close();
    expect(h.gateway.to("test:chris").some((s) => s.text.includes("has closed"))).toBe(true);
    expect(press("sam", yes as Button).text).toContain(CLOSED);
  });

  it("is confirmed only by a coordinator: a chair pressing the button changes nothing", async () => {
    await group();
    const asked = await askToClose();
    const r = press("chris", asked.buttons[0] as Button);
    expect(r.text).toContain("Only a coordinator can close a workstream.");
    expect(h.store.workstreams.byChannel(h.channel)?.closedAt).toBeNull();
  });
});

describe("a closed workstream, looked at", () => {
  it("says when it closed in /workstream, tells the channel which meetings won't go ahead, and leaves nothing waiting in /mine", async () => {
    await group();
    await h.say("chris", "/papers add M-1 https://example.org/plan.pdf Plan");
    await h.say("chris", "/papers send M-1");
    await h.bot.deliver();
    expect((await h.say("sam", "/mine")).text).toContain("Papers to read");
    await close();
    expect((await h.say("sam", "/workstream")).text).toContain(
      "*Medication safety* closed on Tuesday 1 December. Its records are kept and can still be looked at.",
    );
    expect(
      h.gateway
        .to(h.channel)
        .map((s) => s.text)
        .join("\n"),
    ).toContain("The meetings still booked (M-1) will not go ahead.");
    expect((await h.say("sam", "/mine")).text).not.toContain("Papers to read");
  });
});
