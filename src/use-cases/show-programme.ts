import type { Programme } from "../domain/programme.ts";
import { em, rich } from "../domain/rich-text.ts";
import type { Message } from "../messages/message.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { findProgramme, requireLead } from "./find-programme.ts";
import { programmeFigures } from "./programme-figures.ts";
import { programmeBlocks } from "./programme-view.ts";

/** Months of trend the view and the digest show. */
const VIEW_MONTHS = 6;

/** The programme's figures now, as its leads see them. */
export function programmeMessage(core: Core, programme: Programme, opening: string): Message {
  const workstreams = core.store.programmes.workstreams(programme.id);
  const figures = programmeFigures(core, programme.name, workstreams, {
    now: core.clock.now(),
    zone: programme.settings.timezone,
    months: VIEW_MONTHS,
  });
  const text = rich`${opening} ${em(programme.name)}: ${workstreams.length === 1 ? "1 workstream" : `${workstreams.length} workstreams`}.`;
  return { text, blocks: [{ kind: "text", text }, ...programmeBlocks(figures)] };
}

/** `/programme`: the programme view now, for its leads only (anyone else is refused plainly). */
export function showProgramme(core: Core, ctx: CommandContext): Message {
  const programme = findProgramme(core, ctx);
  requireLead(core, programme, ctx.actor);
  return programmeMessage(core, programme, "Here is the whole programme at a glance for");
}
