import { expect } from "vitest";
import { type ConnectorCall, cardOf, textOf } from "./teams-connector-mock.ts";
import {
  CHANNEL,
  cardAction,
  channelMessage,
  chatOf,
  PEOPLE,
  personalMessage,
  type TeamsHarness,
  type Who,
} from "./teams-harness.ts";

/** A button (Action.Execute) on an Adaptive Card, as Teams shows it. */
export interface CardButton {
  type: string;
  title: string;
  verb?: string;
  data: Record<string, string>;
}

/** An input on a form card. */
export interface CardInput {
  type: string;
  id: string;
  label?: string;
  value?: string;
  choices?: Array<{ title: string; value: string }>;
}

type Card = Record<string, unknown>;

/** The one thing a test expected to find; fails the test when it is missing. */
export function the<T>(found: T | undefined, what = "the expected message"): T {
  if (found === undefined) throw new Error(`${what} was not found`);
  return found;
}

/** Every button on a card: those in ActionSets in the body and the card's own actions. */
export function buttonsOn(card: Card): CardButton[] {
  const body = (card.body ?? []) as Array<{ actions?: CardButton[] }>;
  return [...body.flatMap((e) => e.actions ?? []), ...((card.actions as CardButton[] | undefined) ?? [])];
}

/** The button whose title starts with `title`; fails the test, showing the card, when there is none. */
export function buttonOn(card: Card, title: string): CardButton {
  const found = buttonsOn(card).find((a) => a.title.startsWith(title));
  if (!found) throw new Error(`no "${title}" button on: ${JSON.stringify(card).slice(0, 600)}`);
  return found;
}

/** The inputs of a form card. */
export function inputsOn(card: Card): CardInput[] {
  const body = (card.body ?? []) as CardInput[];
  return body.filter((e) => e.type.startsWith("Input."));
}

/**
 * The words a person sees on a card, one element a line: text blocks (in the card's markdown,
 * so `**bold**`), facts as `title: value`, input labels and button titles in brackets.
 */
export function shown(card: Card): string {
  const lines: string[] = [];
  const walk = (elements: Array<Record<string, unknown>>) => {
    for (const e of elements) {
      if (e.type === "TextBlock") lines.push(String(e.text));
      else if (e.type === "FactSet")
        for (const f of e.facts as Array<{ title: string; value: string }>)
          lines.push(`${f.title}: ${f.value}`);
      else if (String(e.type).startsWith("Input.")) lines.push(String(e.label ?? ""));
      else if (e.type === "ActionSet") walk((e.actions as Array<Record<string, unknown>>) ?? []);
      else if (String(e.type).startsWith("Action.")) lines.push(`[${String(e.title)}]`);
    }
  };
  walk((card.body ?? []) as Array<Record<string, unknown>>);
  walk((card.actions ?? []) as Array<Record<string, unknown>>);
  return lines.join("\n");
}

/** What a message activity shows: its summary (the notification) and its card. */
export function shownIn(call: ConnectorCall): string {
  const summary = typeof call.body.summary === "string" ? call.body.summary : "";
  const text = typeof call.body.text === "string" ? call.body.text : "";
  const attachments = (call.body.attachments ?? []) as Array<{ content?: Card }>;
  const cards = attachments.flatMap((a) => (a.content ? [shown(a.content)] : []));
  return [summary, text, ...cards].filter(Boolean).join("\n");
}

/** What a person types, and what the bot answered where that person would see it. */
export interface Answer {
  /** The connector call carrying the answer. */
  call: ConnectorCall;
  /** Where it went: the thread the message came from, or the person's 1:1 chat. */
  conversationId: string;
  /** "reply" (answered in place) or "send" (a new message, e.g. a private refusal). */
  kind: ConnectorCall["kind"];
  text: string;
}

/**
 * Drives a Teams harness as people would: typing to the bot in a channel (with @mentions) or
 * their 1:1 chat, and clicking Action.Execute buttons on the cards the bot sent them, where each
 * invoke's answer is the card Teams shows in place of the one clicked.
 */
export function teamsFlowDriver(h: TeamsHarness) {
  /** Posts an activity and waits for the bot's first answer to it (in place, or in the 1:1 chat). */
  async function answerTo(activity: { id: string; conversation: { id: string } }, who: Who): Promise<Answer> {
    const before = h.connector.calls.length;
    const response = await h.post(activity);
    expect(response.status).toBe(200);
    const call = await h.connector.waitFor(
      (c) =>
        h.connector.calls.indexOf(c) >= before &&
        ((c.kind === "reply" && c.conversationId === activity.conversation.id) ||
          (c.kind === "send" && c.conversationId === chatOf(who))),
    );
    return { call, conversationId: call.conversationId ?? "", kind: call.kind, text: shownIn(call) };
  }

  /**
   * A channel message @mentioning the bot. `mentions` maps each person named to the words
   * Teams shows for them (`<at>Sam</at>` when the typist shortened the name); the text must
   * contain those words.
   */
  function channelActivity(who: Who, text: string, mentions: Partial<Record<Who, string>> = {}) {
    const named = Object.keys(mentions) as Who[];
    const activity = channelMessage(who, text, named);
    for (const entity of activity.entities) {
      const person = named.find((n) => entity.mentioned.id === PEOPLE[n].id);
      if (person) entity.text = `<at>${mentions[person]}</at>`;
    }
    return activity;
  }

  /** A 1:1 chat message, with mention entities for the people named as `<at>Name</at>`. */
  function chatActivity(who: Who, text: string, mentions: Who[] = []) {
    const entities = mentions.map((m) => ({
      type: "mention",
      text: `<at>${PEOPLE[m].name}</at>`,
      mentioned: PEOPLE[m],
    }));
    return personalMessage(who, text, entities.length ? { entities } : {});
  }

  /** Posts an Action.Execute invoke and returns the card Teams shows in place of the clicked one. */
  async function invoke(who: Who, data: Record<string, string>): Promise<Card> {
    const response = await h.post(cardAction(who, data));
    expect(response.status).toBe(200);
    const body = response.body as { statusCode: number; type: string; value: Card };
    expect(body.statusCode, JSON.stringify(body)).toBe(200);
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    return body.value;
  }

  return {
    answerTo,
    channelActivity,
    chatActivity,
    /** Types in the workstream channel (with the bot @mentioned); returns the bot's answer. */
    inChannel: (who: Who, text: string, mentions: Partial<Record<Who, string>> = {}) =>
      answerTo(channelActivity(who, text, mentions), who),
    /** Types in the person's 1:1 chat with the bot; returns the bot's answer. */
    inChat: (who: Who, text: string, mentions: Who[] = []) =>
      answerTo(chatActivity(who, text, mentions), who),
    /** Clicks a button on a card: the card that replaces it. */
    click: (who: Who, card: Card, title: string) => invoke(who, buttonOn(card, title).data),
    /** Fills in and sends a form card (field ids without the `field_` prefix). */
    submit(who: Who, form: Card, fields: Record<string, string>, title?: string) {
      const ids = inputsOn(form).map((i) => i.id);
      const data: Record<string, string> = {};
      for (const [id, value] of Object.entries(fields)) {
        expect(ids, `the form has a field_${id} input`).toContain(`field_${id}`);
        data[`field_${id}`] = value;
      }
      const send = title ? buttonOn(form, title) : buttonsOn(form)[0];
      if (!send) throw new Error("the form has no submit action");
      return invoke(who, { ...send.data, ...data });
    },
    invoke,
    /** Accepted new messages (not replies) into a conversation whose text includes `words`. */
    sentTo: (conversationId: string, words: string) =>
      h.connector.messagesTo(conversationId).filter((c) => c.kind === "send" && shownIn(c).includes(words)),
    /** Every accepted message (anywhere) whose text includes `words`. */
    sentAnywhere: (words: string) => h.connector.messages().filter((c) => textOf(c).includes(words)),
    /** Accepted messages into a conversation since the `from`-th connector call. */
    since: (from: number, conversationId: string) =>
      h.connector.calls
        .slice(from)
        .filter(
          (c) =>
            (c.kind === "send" || c.kind === "reply") &&
            c.status === 200 &&
            c.conversationId === conversationId,
        ),
    /** The workstream channel's conversation id (posts go there, not into a thread). */
    channel: CHANNEL,
    card: cardOf,
  };
}

export type TeamsFlowDriver = ReturnType<typeof teamsFlowDriver>;
