import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ConnectorCall, cardOf, textOf } from "../helpers/teams-connector-mock.ts";
import {
  cardAction,
  channelMessage,
  chatOf,
  installForAll,
  PEOPLE,
  personalMessage,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
  type Who,
} from "../helpers/teams-harness.ts";

interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data: Record<string, string>;
  fallback?: { type: string; data: Record<string, string> };
}

/** The button a person sees on a card the bot sent, as Teams would show it. */
function buttonOn(card: Record<string, unknown>, title: string): CardAction {
  const body = card.body as Array<{ type: string; actions?: CardAction[] }>;
  const all = [...body.flatMap((e) => e.actions ?? []), ...((card.actions as CardAction[]) ?? [])];
  const found = all.find((a) => a.title === title);
  if (!found) throw new Error(`no "${title}" button on the card`);
  return found;
}

describe("Teams cards: the day-before reminder", () => {
  let h: TeamsHarness;
  let meetingId: number;
  let reminders: Map<string, ConnectorCall>;

  beforeEach(async () => {
    h = await startTeamsHarness();
    await installForAll(h);
    await seedTeamsGroup(h);
    await h.post(channelMessage("kim", "meeting schedule 2026-12-09 09:00 Budget review"));
    const ws = h.store.workstreams.all()[0];
    meetingId = h.store.meetings.bySeq(ws?.id ?? -1, 1)?.id ?? -1;
    // The meeting is tomorrow morning, so the reminder falls due now.
    await h.bot.tick();
    reminders = new Map(
      h.connector
        .messages()
        .filter((c) => textOf(c).includes("a reminder that **Budget review**"))
        .map((c) => [c.conversationId ?? "", c]),
    );
  });
  afterEach(async () => {
    await h.close();
  });

  const personId = (who: Who) => h.store.people.byKey(`teams:${PEOPLE[who].id}`)?.id ?? -1;
  const reminderFor = (who: Who) => {
    const call = reminders.get(chatOf(who));
    if (!call) throw new Error(`no reminder for ${who}`);
    return call;
  };
  async function click(who: Who, title: string, extra: Record<string, string> = {}) {
    const button = buttonOn(cardOf(reminderFor(who)), title);
    const response = await h.post(cardAction(who, { ...button.data, ...extra }));
    expect(response.status).toBe(200);
    return response.body as { statusCode: number; type: string; value: Record<string, unknown> };
  }

  it("sends every member a reminder card as a new message in their 1:1 chat, with Universal Actions", () => {
    expect([...reminders.keys()].sort()).toEqual(["a:dm-chris", "a:dm-kim", "a:dm-lee", "a:dm-sam"]);
    const call = reminderFor("sam");
    expect(call.kind).toBe("send");
    expect(call.body.summary).toContain("a reminder that Budget review (M-1)");
    const card = cardOf(call);
    expect(card.version).toBe("1.5");
    const yes = buttonOn(card, "I'll be there");
    expect(yes.type).toBe("Action.Execute");
    expect(yes.verb).toBe("meeting.attending");
    expect(yes.data).toEqual({ action: "meeting.attending", value: String(meetingId) });
    expect(yes.fallback?.type).toBe("Action.Submit");
  });

  it('records "I\'ll be there" and answers with a recorded card that has no buttons', async () => {
    const answer = await click("sam", "I'll be there");
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(JSON.stringify(answer.value)).toContain("Thanks, Sam Jones — see you at **Budget review**.");
    expect(JSON.stringify(answer.value)).not.toContain("Action.");
    expect(h.store.meetings.attendance(meetingId, personId("sam"))).toBe("yes");
  });

  it('turns "I can\'t make it" into a form, records no on submit, and passes the note to the chair only', async () => {
    const form = await click("lee", "I can't make it");
    const card = form.value;
    const body = card.body as Array<{ type: string; id?: string; isMultiline?: boolean; maxLength?: number }>;
    const note = body.find((e) => e.type === "Input.Text");
    expect(note).toMatchObject({ id: "field_note", isMultiline: true, maxLength: 1000 });
    // Nothing is recorded until the form is sent.
    expect(h.store.meetings.attendance(meetingId, personId("lee"))).toBeUndefined();

    const send = buttonOn(card, "Send");
    const submitted = await h.post(
      cardAction("lee", { ...send.data, field_note: "Hospital appointment, sorry." }),
    );
    const recorded = submitted.body as { value: unknown };
    expect(JSON.stringify(recorded.value)).toContain("We'll miss you at **Budget review**");
    expect(h.store.meetings.attendance(meetingId, personId("lee"))).toBe("no");

    await h.bot.deliver();
    const toChair = h.connector.messages().filter((c) => textOf(c).includes("Hospital appointment, sorry."));
    expect(toChair.map((c) => c.conversationId)).toEqual([chatOf("chris")]);
    expect(textOf(toChair[0] as ConnectorCall)).toContain("Lee Park can't come to M-1");
  });

  it("answers the same invoke delivered twice identically, and records it once", async () => {
    const button = buttonOn(cardOf(reminderFor("sam")), "I'll be there");
    const invoke = cardAction("sam", button.data);
    const first = await h.post(invoke);
    const again = await h.post(invoke);
    expect(again.body).toEqual(first.body);
    expect(h.store.meetings.attendance(meetingId, personId("sam"))).toBe("yes");
  });

  it("handles an Action.Submit from an older client by updating the card in place", async () => {
    const reminder = reminderFor("kim");
    const button = buttonOn(cardOf(reminder), "I'll be there");
    const submit = personalMessage("kim", "", { value: button.fallback?.data, replyToId: "bot-activity-7" });
    expect((await h.post(submit)).status).toBe(200);
    const update = await h.connector.waitFor(
      (c) => c.kind === "update" && c.conversationId === chatOf("kim"),
    );
    expect(update.activityId).toBe("bot-activity-7");
    expect(textOf(update)).toContain("Thanks, Kim Patel");
    expect(h.store.meetings.attendance(meetingId, personId("kim"))).toBe("yes");
  });

  it("answers a click on a cancelled meeting with a card saying so, and records nothing", async () => {
    await h.post(channelMessage("kim", "meeting cancel M-1"));
    const answer = await click("sam", "I'll be there");
    expect(JSON.stringify(answer.value)).toContain("That meeting is cancelled");
    expect(h.store.meetings.attendance(meetingId, personId("sam"))).toBeUndefined();
  });
});
