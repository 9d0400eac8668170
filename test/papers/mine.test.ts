import { afterEach, describe, expect, it } from "vitest";
import type { Button, Message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";
import { button, click, submit, textOf } from "./papers-helpers.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

/** `/mine` as `who`, in a direct message: the whole message, so its buttons can be pressed. */
async function mine(
  who: string,
  channel?: string,
): Promise<{ message: Message; text: string; error?: string }> {
  const reply = await h.bot.command({
    platform: "test",
    actor: h.person(who),
    ...(channel ? { channel } : {}),
    text: "/mine",
  });
  return {
    message: reply.message,
    text: renderPlainText(reply.message),
    ...(reply.error ? { error: reply.error } : {}),
  };
}

function buttonsOf(message: Message): Button[] {
  return message.blocks.flatMap((b) => (b.kind === "buttons" ? b.buttons : []));
}

/**
 * Tuesday 1 December 2026, 10am in London. M-1 *Budget check* is today 10:30–11am, so its
 * check-in opens at 11; M-2 *Medication review* is on Friday 11 December, 2pm, with its papers
 * sent. Chris recorded a view on Sam's behalf, Sam asked for support and asked a question on
 * the papers, and Sam owns a parked item.
 */
async function samHasThingsWaiting() {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-01 10:30 for 30m Budget check");
  await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
  await h.say("chris", "/papers add M-2 https://example.org/budget.pdf Budget 2027");
  await h.say("chris", "/papers send M-2");
  await h.bot.deliver();
  const asked = click(h, "sam", button(h, "sam", "Question for the chair"));
  submit(h, "sam", asked, { question: "What does ICB mean on page 2?" });
  expect((await h.say("chris", "/dissent <@sam|Sam> The night rota is not safe")).error).toBeUndefined();
  expect((await h.say("sam", "/support a taxi to the meeting", "dm")).error).toBeUndefined();
  expect((await h.say("kim", "/support Kim's private need: a carer for my mum", "dm")).error).toBeUndefined();
  expect((await h.say("chris", "/park Transport costs for carers owner <@sam|Sam>")).error).toBeUndefined();
  h.clock.set("2026-12-01T11:01:00Z");
  await h.bot.tick();
  await h.bot.deliver();
}

describe("everything waiting for me (/mine)", () => {
  it("shows a member their papers, check-in, view to confirm, question, support request, parked item and meetings", async () => {
    await samHasThingsWaiting();
    const { text, message, error } = await mine("sam");
    expect(error).toBeUndefined();
    expect(text).toContain("Here is what is waiting for you, Sam.");
    expect(text).toContain("Papers to read");
    expect(text).toContain("*Medication review* on Friday 11 December, 2pm: Budget 2027");
    expect(text).toContain("After *Budget check* on Tuesday 1 December: not finished yet");
    expect(text).toContain("Your views to check");
    expect(text).toContain("The night rota is not safe");
    expect(text).toContain("Your questions on papers");
    expect(text).toContain("What does ICB mean on page 2?");
    expect(text).toContain("not answered yet");
    expect(text).toContain("a taxi to the meeting");
    expect(text).toContain("open: the coordinator is on it");
    expect(text).toContain("P-1 *Transport costs for carers*");
    expect(text).toContain("Your next meetings");
    // Only Sam's own things, and no support request number (members can't use one).
    expect(text).not.toContain("carer for my mum");
    expect(text).not.toMatch(/S-\d/);
    expect(buttonsOf(message).map((b) => `${b.action} ${b.label}`)).toEqual([
      "papers.read I've read them",
      "checkin.resume Answer the check-in",
      "dissent.confirm Yes, that's fair",
      "dissent.edit Edit the wording",
      "dissent.withdraw Withdraw it",
    ]);
  });

  it("lets the buttons work as the originals do, and then stops showing what was done", async () => {
    await samHasThingsWaiting();
    const { message } = await mine("sam");
    const byLabel = (label: string) => buttonsOf(message).find((b) => b.label === label) as Button;
    expect(textOf(click(h, "sam", byLabel("I've read them")))).toContain("I've noted that you've read them");
    expect(textOf(click(h, "sam", byLabel("Yes, that's fair")))).toBeTruthy();
    expect(textOf(click(h, "sam", byLabel("Answer the check-in")))).toContain("Did you attend?");
    const after = await mine("sam");
    expect(after.text).not.toContain("Papers to read");
    expect(after.text).not.toContain("Your views to check");
    expect(after.text).toContain("not finished yet");
  });

  it("shows a check-in answered anonymously only as answered", async () => {
    await samHasThingsWaiting();
    const driver = checkInDriver(h);
    driver.look();
    driver.answer("sam", [
      "Yes, I was there",
      "Not really",
      "No",
      { press: "Write something", fields: { comment: "Nobody let me speak" } },
      "No, thanks",
      "No, thanks",
      "Answer anonymously",
    ]);
    const { text, message } = await mine("sam");
    expect(text).toContain("After *Budget check* on Tuesday 1 December: answered. Thank you.");
    expect(text).not.toContain("Nobody let me speak");
    expect(text).not.toMatch(/not really|anonymous/i);
    expect(buttonsOf(message).map((b) => b.action)).not.toContain("checkin.resume");
  });

  it("says plainly when nothing is waiting, and still shows the next meetings", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-11 14:00 Medication review");
    const { text, message } = await mine("lee");
    expect(text).toContain("Nothing is waiting for you right now, Lee.");
    expect(text).toContain("*Medication review* — Friday 11 December, 2pm");
    expect(buttonsOf(message)).toEqual([]);
    const nobody = await mine("nora");
    expect(nobody.error).toBeUndefined();
    expect(nobody.text).toContain("You're not in a workstream yet, so nothing is waiting for you.");
  });

  it("groups things by workstream for someone in two, and works in a channel too", async () => {
    await samHasThingsWaiting();
    const other = "test:#carers";
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: other,
      text: "/workstream setup Carers forum",
    });
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: other,
      text: "/workstream add <@sam|Sam> as carer",
    });
    await h.bot.command({
      platform: "test",
      actor: h.person("otto"),
      channel: other,
      text: "/park Respite hours owner <@sam|Sam>",
    });
    const { text, error } = await mine("sam", other);
    expect(error).toBeUndefined();
    expect(text).toContain("Medication safety");
    expect(text).toContain("Carers forum");
    expect(text.indexOf("Carers forum")).toBeGreaterThan(-1);
    expect(text).toContain("*Respite hours*");
    expect(text).toContain("*Transport costs for carers*");
    // In a direct message too: no "which workstream?" question, both are shown.
    const inDm = await mine("sam");
    expect(inDm.error).toBeUndefined();
    expect(inDm.text).toContain("Carers forum");
    expect(inDm.text).toContain("Medication safety");
  });

  it("leaves out a workstream I was removed from", async () => {
    await samHasThingsWaiting();
    await h.say("cora", "/workstream remove <@sam|Sam>");
    const { text, message } = await mine("sam");
    expect(text).not.toContain("Medication review");
    expect(text).not.toContain("taxi");
    expect(text).toContain("You're not in a workstream yet");
    expect(buttonsOf(message)).toEqual([]);
  });

  it("keeps each kind short, counting the rest", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    for (const title of ["One", "Two", "Three", "Four", "Five"])
      await h.say("chris", `/park ${title} owner <@sam|Sam>`);
    const { text } = await mine("sam");
    expect(text).toContain("*Three*");
    expect(text).not.toContain("*Four*");
    expect(text).toContain("And 2 more.");
  });

  it("takes nothing after it", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    const reply = await h.say("sam", "/mine please");
    expect(reply.error).toBe("mine.usage");
  });
});
