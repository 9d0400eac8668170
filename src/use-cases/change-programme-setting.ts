import { refuse } from "../domain/errors.ts";
import { PROGRAMME_SETTINGS } from "../domain/programme.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { applySetting, type SettingName } from "../domain/settings.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { findProgramme, requireLead } from "./find-programme.ts";

/**
 * `/programme set <setting> <value>`: the programme's own digest schedule, time zone and quiet
 * hours, read by the same rules as a workstream's (PRODUCT.md §5).
 */
export function changeProgrammeSetting(
  core: Core,
  ctx: CommandContext,
  name: string,
  value: string,
): Message {
  const programme = findProgramme(core, ctx);
  requireLead(core, programme, ctx.actor);
  if (!PROGRAMME_SETTINGS.includes(name as SettingName)) {
    refuse(
      "programme.setting",
      rich`A programme has these settings: ${PROGRAMME_SETTINGS.join(", ")}. For example: ${code("/programme set digest mon 09:00")}.`,
    );
  }
  const settings = applySetting(programme.settings, name, value, "/programme set");
  core.store.programmes.updateSettings(programme.id, settings);
  return message(
    rich`Done — ${name} is now ${String(settings[name as SettingName])} for ${em(programme.name)}.`,
  );
}
