import type { Workstream } from "../domain/entities.ts";
import { GROUND_RULE_QUESTIONS } from "../domain/ground-rules.ts";
import { code, em, rich, type Text } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Block, type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** "Not agreed yet", as PRODUCT.md §13 words it. */
export const NOT_AGREED = "not agreed yet";

/**
 * `/groundrules`: the workstream's terms of reference — the nine Stage 4 questions, each with
 * the answer the group agreed (and when), or "not agreed yet".
 */
export function showGroundRules(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const agreed = new Map(core.store.groundRules.agreed(workstream.id).map((r) => [r.question, r]));
  const items: Text[] = GROUND_RULE_QUESTIONS.map((question, i) => {
    const rule = agreed.get(i + 1);
    if (!rule) return rich`${i + 1}. ${question} — ${NOT_AGREED}`;
    const earlier =
      core.store.groundRules.history(workstream.id, i + 1).length > 1 ? ", changed since first agreed" : "";
    return rich`${i + 1}. ${question} — ${em(rule.answer)} (agreed ${formatDay(rule.agreedAt, zone, now)}${earlier})`;
  });
  const blocks: Block[] = [{ kind: "list", items }];
  if (ctx.member?.role === "chair") {
    blocks.push({
      kind: "note",
      text: rich`When the group agrees an answer, record it with ${code("/groundrules set 2 Everyone speaks once before anyone speaks twice")}. To ask members privately first, type ${code("/groundrules ask")}.`,
    });
  }
  return message(
    agreed.size === 0
      ? rich`The ground rules for ${em(workstream.name)}: the group hasn't agreed any yet.`
      : rich`The ground rules for ${em(workstream.name)}: how the group has agreed to work together.`,
    ...blocks,
  );
}

/** `/groundrules <1-9>`: one question, its agreed answer, and every earlier one. */
export function showGroundRuleHistory(core: Core, ctx: WorkstreamContext, question: number): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  const now = core.clock.now();
  const history = core.store.groundRules.history(workstream.id, question);
  const heading = `${question}. ${GROUND_RULE_QUESTIONS[question - 1] ?? ""}`;
  const current = history[history.length - 1];
  if (!current) return message(rich`${heading} — ${NOT_AGREED}.`);
  const earlier = history.slice(0, -1).reverse();
  return message(
    rich`${heading} The group agreed: ${em(current.answer)} (${formatDay(current.agreedAt, zone, now)}).`,
    ...(earlier.length > 0
      ? [
          { kind: "text" as const, text: "Agreed before that:" },
          {
            kind: "list" as const,
            items: earlier.map((r) => rich`${formatDay(r.agreedAt, zone, now)}: "${r.answer}"`),
          },
        ]
      : []),
  );
}

/** The agreed answers only, one line each, for a new member's welcome; empty when none. */
export function agreedRuleLines(core: Core, workstream: Workstream): Text[] {
  return core.store.groundRules
    .agreed(workstream.id)
    .map((r) => rich`${GROUND_RULE_QUESTIONS[r.question - 1] ?? ""} ${em(r.answer)}`);
}
