import { refuse } from "../domain/errors.ts";
import { code, rich } from "../domain/rich-text.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";

/**
 * `/quiet until <date>` / `/quiet off`. Quiet stops reminders only: papers and check-ins still
 * arrive, so nobody misses what they need to take part.
 */
export function setQuiet(core: Core, ctx: CommandContext, input: { until: Date } | "off"): Message {
  const zone =
    ctx.workstream?.settings.timezone ??
    core.store.members.workstreamsOf(ctx.actor.id)[0]?.settings.timezone ??
    core.defaultTimezone;
  const now = core.clock.now();
  if (input === "off") {
    core.store.people.setQuietUntil(ctx.actor.id, null);
    return message("Reminders are back on. Thanks for letting me know.");
  }
  // Quiet "until Friday" means reminders start again on Friday morning (the command reads the day).
  const { until } = input;
  if (until.getTime() <= now.getTime())
    refuse("quiet.past", rich`That date has already passed. Try ${code("/quiet until next monday")}.`);
  core.store.people.setQuietUntil(ctx.actor.id, until);
  return message(
    `No reminders until ${formatDay(until, zone, now)}. You'll still get papers and check-ins, just no nudges.`,
    { kind: "note", text: rich`To turn reminders back on sooner: ${code("/quiet off")}.` },
  );
}
