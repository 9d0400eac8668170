import { em, rich } from "../domain/rich-text.ts";
import { applySetting } from "../domain/settings.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** `/workstream set <setting> <value>`: refused with the valid range when out of it. */
export function changeSetting(core: Core, ctx: WorkstreamContext, name: string, value: string): Message {
  const settings = applySetting(ctx.workstream.settings, name, value);
  core.store.workstreams.updateSettings(ctx.workstream.id, settings);
  const key = name as keyof typeof settings;
  return message(rich`Done — ${name} is now ${settings[key]} for ${em(ctx.workstream.name)}.`);
}
