import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { Programme } from "../domain/programme.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { nameList } from "./people.ts";

/** What to say to someone who is not a lead of the programme. */
const LEADS_ONLY = rich`Only the programme's leads can do this. A lead can add you with ${code("/programme lead @you")}.`;

/**
 * The programme a command is about: the one whose channel it was typed in, or, in a direct
 * message, the one programme the caller leads.
 */
export function findProgramme(core: Core, ctx: CommandContext): Programme {
  const { programmes } = core.store;
  if (ctx.channel) {
    const here = programmes.byChannel(ctx.channel);
    if (here) return here;
    const workstream = core.store.workstreams.byChannel(ctx.channel);
    refuse(
      "programme.not-here",
      workstream
        ? rich`This channel is the ${em(workstream.name)} workstream, not a programme board. Please type this in the programme board's channel.`
        : rich`This channel isn't a programme board yet. You can start one here with ${code("/programme setup Mental health programme")}.`,
    );
  }
  const led = programmes.ledBy(ctx.actor.id);
  if (led.length === 1) return led[0] as Programme;
  if (led.length === 0) refuse("programme.leads-only", LEADS_ONLY);
  refuse(
    "programme.which",
    rich`You lead ${led.length} programmes: ${nameList(led.map((p) => [em(p.name)]))}. Please type this in the programme board's channel.`,
  );
}

/** Refuses anyone who is not a lead of the programme. */
export function requireLead(core: Core, programme: Programme, person: Person): void {
  if (!core.store.programmes.isLead(programme.id, person.id)) refuse("programme.leads-only", LEADS_ONLY);
}
