import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { defaultSettings } from "../domain/settings.ts";
import { type Message, message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";

/** `/workstream setup <name>`: this channel becomes a workstream and the caller its coordinator. */
export function setupWorkstream(core: Core, ctx: CommandContext, name: string): Message {
  const { store, clock } = core;
  if (!ctx.channel) {
    refuse(
      "workstream.setup-in-dm",
      rich`Please run this in the channel the group will use, for example ${code("/workstream setup Medication safety")}.`,
    );
  }
  const channel = ctx.channel;
  return store.transaction(() => {
    const existing = store.workstreams.byChannel(channel);
    if (existing) {
      refuse(
        "workstream.exists",
        rich`This channel is already the ${em(existing.name)} workstream. Type ${code("/workstream")} to see it.`,
      );
    }
    // A board's channel is read by its leads, who need not be members: no workstream posts there.
    const board = store.programmes.byChannel(channel);
    if (board) {
      refuse(
        "programme.board-channel",
        rich`This channel is the board's for ${em(board.name)}, so it can't be a workstream too. Please set the workstream up in its own channel, for example ${code("/workstream setup Medication safety")}.`,
      );
    }
    if (store.workstreams.byName(name)) {
      refuse(
        "workstream.name-taken",
        rich`There is already a workstream called ${em(name)}. Please choose another name.`,
      );
    }
    const now = clock.now();
    const workstream = store.workstreams.create({
      name,
      channel,
      settings: defaultSettings(core.defaultTimezone),
      now,
    });
    store.members.add({
      workstreamId: workstream.id,
      personId: ctx.actor.id,
      role: "coordinator",
      group: "other",
      now,
    });
    core.log.info({ workstream: workstream.id }, "workstream set up");
    return message(rich`${em(name)} is set up in this channel, and you are its coordinator.`, {
      kind: "text",
      text: rich`Next, add people with ${code("/workstream add @sam @kim as carer")}, or everyone in this channel with ${code("/workstream sync")}. Then make someone chair with ${code("/workstream role @chris chair")}.`,
    });
  });
}
