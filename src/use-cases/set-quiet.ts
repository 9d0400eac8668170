import { DateTime } from "luxon";
import { refuse } from "../domain/errors.ts";
import { formatDay, parseWhen } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "./core.ts";

/**
 * `/quiet until <date>` / `/quiet off`. Quiet stops reminders only: papers and check-ins still
 * arrive, so nobody misses what they need to take part.
 */
export function setQuiet(core: Core, ctx: CommandContext, args: string): Message {
  const zone =
    ctx.workstream?.settings.timezone ??
    core.store.members.workstreamsOf(ctx.actor.id)[0]?.settings.timezone ??
    core.defaultTimezone;
  const now = core.clock.now();
  const text = args.trim();
  if (/^off$/i.test(text)) {
    core.store.people.setQuietUntil(ctx.actor.id, null);
    return message("Reminders are back on. Thanks for letting me know.");
  }
  const match = /^until\s+(.+)$/i.exec(text);
  if (!match?.[1])
    refuse("quiet.usage", "Tell me until when, for example `/quiet until 10 December`, or `/quiet off`.");
  const at = parseWhen(match[1], zone, now, "`/quiet until next monday`");
  // Quiet "until Friday" means reminders start again on Friday morning.
  const until = DateTime.fromJSDate(at, { zone }).startOf("day").toJSDate();
  if (until.getTime() <= now.getTime())
    refuse("quiet.past", "That date has already passed. Try `/quiet until next monday`.");
  core.store.people.setQuietUntil(ctx.actor.id, until);
  return message(
    `No reminders until ${formatDay(until, zone, now)}. You'll still get papers and check-ins, just no nudges.`,
    { kind: "note", text: "To turn reminders back on sooner: `/quiet off`." },
  );
}
