import { groundRuleQuestion } from "../domain/ground-rules.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import { queueChannelPost } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/**
 * `/groundrules set <1-9> <agreed answer>` (chair): records the group's answer, keeping every
 * earlier one, and posts it in the channel so everyone sees what was agreed.
 */
export function agreeGroundRule(
  core: Core,
  ctx: WorkstreamContext,
  input: { question: number; answer: string },
): Message {
  const { workstream, actor } = ctx;
  const now = core.clock.now();
  const question = groundRuleQuestion(input.question);
  const { rule, before } = core.store.transaction(() => {
    const before = core.store.groundRules.agreed(workstream.id).find((r) => r.question === input.question);
    const rule = core.store.groundRules.agree({
      workstreamId: workstream.id,
      question: input.question,
      answer: input.answer,
      by: actor.id,
      now,
    });
    queueChannelPost(
      core,
      workstream,
      message(rich`The group has agreed a ground rule. ${input.question}. ${question} ${em(input.answer)}`, {
        kind: "note",
        text: rich`Recorded by ${actor.name}. To see all the ground rules, type ${code("/groundrules")}.`,
      }),
      { key: `groundrule-agreed:${rule.id}` },
    );
    return { rule, before };
  });
  core.log.info({ workstream: workstream.id, rule: rule.id, question: input.question }, "ground rule agreed");
  const zone = workstream.settings.timezone;
  return message(
    rich`Recorded ground rule ${input.question} for ${em(workstream.name)}, and posted it in the channel.`,
    ...(before
      ? [
          {
            kind: "note" as const,
            text: `It replaces the answer agreed on ${formatDay(before.agreedAt, zone, now)}, which is kept in the history.`,
          },
        ]
      : []),
  );
}
