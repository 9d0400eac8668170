import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Block, type Message, message } from "../messages/message.ts";
import { platformOf } from "../ports/chat-gateway.ts";
import type { Core } from "../ports/core.ts";
import type { ActionResult } from "./action-result.ts";
import { chairsOf, nameList } from "./people.ts";
import { askForOneToOne } from "./request-one-to-one.ts";
import { agreedRuleLines } from "./show-ground-rules.ts";

/** The welcome's "Ask for a one-to-one" button; its value is the workstream's id. */
export const WELCOME_ONE_TO_ONE = "onetoone.request";

/**
 * A new member's welcome (PRODUCT.md §13): who the chair is, how the group has agreed to work,
 * how many words the glossary explains, and an offer of a one-to-one with the chair.
 */
export function welcomeMessage(core: Core, workstream: Workstream, person: Person, by: string): Message {
  const chairs = chairsOf(core.store.members.list(workstream.id)).filter((c) => c.id !== person.id);
  const rules = agreedRuleLines(core, workstream);
  const words = core.store.glossary.list(workstream.id).length;
  const blocks: Block[] = [];
  if (chairs.length > 0) {
    const names = nameList(chairs.map((c) => c.name));
    blocks.push({
      kind: "text",
      text: chairs.length === 1 ? `${names} is the chair.` : `The chairs are ${names}.`,
    });
  }
  blocks.push({
    kind: "text",
    text: "I'll send you the papers before each meeting and a short check-in after it. The chair sees your answers, and you can answer anonymously; the coordinator sees totals only.",
  });
  if (rules.length > 0) {
    blocks.push(
      { kind: "text", text: "How the group has agreed to work together:" },
      { kind: "list", items: rules },
    );
  } else {
    blocks.push({
      kind: "text",
      text: rich`The group hasn't agreed its ground rules yet. To see the questions it will answer, type ${code("/groundrules")}.`,
    });
  }
  if (words > 0) {
    blocks.push({
      kind: "text",
      text: rich`The glossary explains ${words} ${words === 1 ? "word" : "words"} the group uses, in plain English: type ${code("/glossary")}.`,
    });
  }
  if (chairs.length > 0) {
    blocks.push(
      {
        kind: "text",
        text: `If you'd like to talk things over with ${chairs.length === 1 ? (chairs[0]?.name ?? "the chair") : "a chair"} first, you can ask for a one-to-one. Only the chairs will know.`,
      },
      {
        kind: "buttons",
        buttons: [
          { action: WELCOME_ONE_TO_ONE, label: "Ask for a one-to-one", value: String(workstream.id) },
        ],
      },
    );
  }
  blocks.push({ kind: "note", text: rich`Type ${code("/help")} at any time to see what you can do.` });
  return message(
    rich`Hi ${person.name} — ${by} has added you to ${em(workstream.name)}. Welcome.`,
    ...blocks,
  );
}

/** The welcome's "Ask for a one-to-one": the same as typing `/onetoone request` there. */
export function requestOneToOneButton(core: Core, actor: Person, value: string): ActionResult {
  const workstream = core.store.workstreams.byId(Number(value));
  const member = workstream && core.store.members.get(workstream.id, actor.id);
  if (!workstream || !member) refuse("workstream.none", "Sorry, I can't find that workstream any more.");
  return {
    kind: "reply",
    message: askForOneToOne(core, { platform: platformOf(actor.dm), actor, workstream, member }),
  };
}
