import { afterEach, describe, expect, it } from "vitest";
import type { Button, Form } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";
import type { ActionResult } from "../../src/use-cases/action-result.ts";
import { sayIn, snapshot } from "../helpers/core-commands.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Tuesday 1 December 2026, 10am in London. Meeting M-1 started at 9:30am and is in progress.
async function groupInMeeting() {
  h = createHarness({ start: "2026-11-30T10:00:00Z" });
  await seedGroup(h);
  await h.say("chris", "/meeting schedule 2026-12-01 09:30 Medication review");
  h.clock.set("2026-12-01T10:00:00Z");
  await h.bot.deliver();
  h.gateway.clear();
}

/** What the channel has been told, as plain text. */
async function channelPosts(): Promise<string[]> {
  await h.bot.deliver();
  return h.gateway.to(h.channel).map((s) => s.text);
}

/** The button a person was sent with this label. */
function button(who: string, label: string): Button {
  for (const sent of h.gateway.to(`test:${who}`)) {
    for (const block of sent.message.blocks) {
      if (block.kind !== "buttons") continue;
      const found = block.buttons.find((b) => b.label === label);
      if (found) return found;
    }
  }
  throw new Error(`${who} was not sent a "${label}" button`);
}

function click(who: string, b: Button, fields?: Record<string, string>) {
  return h.bot.action({
    platform: "test",
    actor: h.person(who),
    action: b.action,
    value: b.value,
    ...(fields ? { fields } : {}),
  });
}

/** The text a click answered with (an updated message or a private reply). */
function replyText(result: ActionResult): string {
  if (result.kind === "form") throw new Error("expected a message, got a form");
  return renderPlainText(result.message);
}

const SAMS_VIEW = "The new rota is not safe for night staff";

describe("a chair recording a member's dissent", () => {
  it("posts a short record in the channel and asks the member privately if it is fair", async () => {
    await groupInMeeting();
    const reply = await h.say("chris", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain("D-1 is recorded");
    await h.bot.deliver();
    const dm = h.gateway.to("test:sam");
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain(`Chris recorded your view at *Medication review* (M-1)`);
    expect(dm[0]?.text).toContain(`"${SAMS_VIEW}"`);
    expect(dm[0]?.text).toContain("Is this a fair record of your view?");
    expect(dm[0]?.text).toContain(`"Yes, that's fair", "Edit the wording", "Withdraw it"`);
    const posts = await channelPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain(`Chris recorded Sam's view at *Medication review* (M-1)`);
    expect(posts[0]).toContain("(D-1)");
    const list = await h.say("kim", "/dissent list");
    expect(list.text).toContain("D-1* — Sam's view");
    expect(list.text).toContain("waiting for Sam to check the wording");
  });

  it("when the member confirms, the record shows it confirmed, in the channel and the list", async () => {
    await groupInMeeting();
    await h.say("chris", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    await h.bot.deliver();
    const result = click("sam", button("sam", "Yes, that's fair"));
    expect(result.kind).toBe("update");
    // A second click changes nothing and posts nothing more.
    click("sam", button("sam", "Yes, that's fair"));
    const posts = await channelPosts();
    expect(posts).toHaveLength(2);
    expect(posts[1]).toBe("Sam confirmed that D-1 is a fair record of their view.");
    const list = await h.say("lee", "/dissent list");
    expect(list.text).toContain("Sam's view at *Medication review* (M-1) on Tuesday 1 December, confirmed");
    expect(list.text).toContain("• Recorded by Chris on Tuesday 1 December, 10am");
    expect(list.text).toContain("• Confirmed by Sam on Tuesday 1 December, 10am");
  });

  it("lets the member edit the wording in a form, and keeps the old wording in the history", async () => {
    await groupInMeeting();
    await h.say("chris", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    await h.bot.deliver();
    const opened = click("sam", button("sam", "Edit the wording"));
    expect(opened.kind).toBe("form");
    const form = (opened as { form: Form }).form;
    const field = form.fields[0];
    expect(field?.kind === "text" && field.initial).toBe(SAMS_VIEW);
    h.clock.advance(5 * 60_000);
    const saved = h.bot.action({
      platform: "test",
      actor: h.person("sam"),
      action: form.action,
      value: form.context,
      fields: { view: "The new rota leaves night staff too tired to work safely" },
    });
    expect(saved.kind).toBe("update");
    const posts = await channelPosts();
    expect(posts[1]).toBe(
      `Sam changed the wording of D-1. It now reads: "The new rota leaves night staff too tired to work safely" (it was: "${SAMS_VIEW}").`,
    );
    const list = await h.say("kim", "/dissent list");
    expect(list.text).toContain(`confirmed: "The new rota leaves night staff too tired to work safely"`);
    expect(list.text).toContain(
      `• Wording changed by Sam (it was: "${SAMS_VIEW}") on Tuesday 1 December, 10:05am`,
    );
  });

  it("lets the member withdraw it; it stays in the register, marked withdrawn", async () => {
    await groupInMeeting();
    await h.say("chris", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    await h.bot.deliver();
    const result = click("sam", button("sam", "Withdraw it"));
    expect(result.kind).toBe("update");
    expect(replyText(result)).toContain("D-1 is withdrawn");
    const posts = await channelPosts();
    expect(posts[1]).toBe("Sam withdrew D-1. It stays in the register, marked as withdrawn.");
    // The confirmation buttons no longer do anything.
    const again = click("sam", button("sam", "Yes, that's fair"));
    expect(replyText(again)).toContain("was withdrawn");
    const list = await h.say("kim", "/dissent list");
    expect(list.text).toContain(`withdrawn: "${SAMS_VIEW}"`);
    expect(list.text).toContain("• Withdrawn by Sam");
  });

  it("does not let anyone else answer the member's confirmation", async () => {
    await groupInMeeting();
    await h.say("chris", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    await h.bot.deliver();
    const result = click("kim", button("sam", "Withdraw it"));
    expect(replyText(result)).toContain("Only the person whose view this is");
    expect((await h.say("kim", "/dissent list")).text).toContain("waiting for Sam");
  });

  it("is refused to a member who is not a chair, naming what they can do", async () => {
    await groupInMeeting();
    const before = snapshot(h);
    const reply = await h.say("kim", `/dissent <@sam|Sam> ${SAMS_VIEW}`);
    expect(reply.error).toBe("dissent.not-chair");
    expect(reply.text).toContain("`/dissent your view`");
    expect(snapshot(h)).toBe(before);
  });
});

describe("a member recording their own dissent", () => {
  it("is confirmed at once, posted in the channel, and withdrawable only by them", async () => {
    await groupInMeeting();
    const reply = await h.say("kim", "/dissent We haven't heard from carers about this");
    expect(reply.text).toContain("D-1 is recorded: your view");
    await h.bot.deliver();
    expect(h.gateway.to("test:kim")).toHaveLength(0);
    expect(await channelPosts()).toEqual([
      `Kim recorded their view at *Medication review* (M-1) on Tuesday 1 December (D-1): "We haven't heard from carers about this"`,
    ]);
    const other = await h.say("chris", "/dissent withdraw D-1");
    expect(other.error).toBe("dissent.not-yours");
    expect(other.text).toContain("Only Kim can withdraw D-1");
    const own = await h.say("kim", "/dissent withdraw D-1", "dm");
    expect(own.error).toBeUndefined();
    expect((await h.say("sam", "/dissent list")).text).toContain("withdrawn");
    expect((await h.say("kim", "/dissent withdraw D-1")).error).toBe("dissent.withdrawn");
  });

  it("is tied to the latest meeting when none is in progress", async () => {
    await groupInMeeting();
    h.clock.set("2026-12-05T10:00:00Z");
    await h.say("lee", "/dissent The minutes missed my point");
    expect((await h.say("lee", "/dissent list")).text).toContain(
      "at *Medication review* (M-1) on Tuesday 1 December",
    );
  });
});

describe("who sees the register", () => {
  it("shows each workstream only its own dissent", async () => {
    await groupInMeeting();
    await h.say("kim", "/dissent Medication view");
    const other = "test:#other";
    await sayIn(h, "olga", "/workstream setup Transport", other);
    await sayIn(h, "olga", "/workstream add <@pat|Pat>", other);
    await sayIn(h, "pat", "/dissent Transport view", other);
    const pats = await h.say("pat", "/dissent list", "dm");
    expect(pats.text).toContain("Transport view");
    expect(pats.text).not.toContain("Medication view");
    const outsider = await h.say("pat", "/dissent list");
    expect(outsider.error).toBe("member.not-member");
    expect((await sayIn(h, "kim", "/dissent list", other)).error).toBe("member.not-member");
    expect((await h.say("kim", "/dissent list")).text).not.toContain("Transport view");
  });
});
