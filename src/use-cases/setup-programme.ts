import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { defaultSettings } from "../domain/settings.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";

/** `/programme setup <name>`: a channel that is not a workstream becomes the programme board's. */
export function setupProgramme(core: Core, ctx: CommandContext, name: string): Message {
  const { store, clock } = core;
  if (!ctx.channel) {
    refuse(
      "programme.setup-in-dm",
      rich`Please run this in the programme board's channel, for example ${code("/programme setup Mental health programme")}.`,
    );
  }
  const channel = ctx.channel;
  return store.transaction(() => {
    const workstream = store.workstreams.byChannel(channel);
    if (workstream) {
      refuse(
        "programme.in-workstream",
        rich`This channel is the ${em(workstream.name)} workstream. A programme needs a channel of its own, such as the programme board's.`,
      );
    }
    const existing = store.programmes.byChannel(channel);
    if (existing) {
      refuse(
        "programme.exists",
        rich`This channel is already the ${em(existing.name)} programme. Type ${code("/programme")} to see it.`,
      );
    }
    if (store.programmes.byName(name)) {
      refuse(
        "programme.name-taken",
        rich`There is already a programme called ${em(name)}. Please choose another name.`,
      );
    }
    const now = clock.now();
    const programme = store.programmes.create({
      name,
      channel,
      settings: defaultSettings(core.defaultTimezone),
      now,
    });
    store.programmes.addLead(programme.id, ctx.actor.id, now);
    core.log.info({ programme: programme.id }, "programme set up");
    return message(rich`${em(name)} is set up in this channel, and you are a programme lead.`, {
      kind: "text",
      text: rich`Next, add each workstream with ${code("/programme add Medication safety")} (one of its coordinators can do this, or its chair once they are a lead too), and other leads with ${code("/programme lead @chris")}. Then type ${code("/programme")} to see the whole programme.`,
    });
  });
}
