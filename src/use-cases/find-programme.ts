import type { Person } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import type { Programme } from "../domain/programme.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import type { CommandContext, Core } from "../ports/core.ts";
import { nameList } from "./people.ts";

/** What to say to someone who is not a lead of the programme. */
const LEADS_ONLY = rich`Only the programme's leads can do this. A lead can add you with ${code("/programme lead @you")}.`;

/**
 * The programme a command is about: the one whose channel it was typed in, or, anywhere else
 * (a direct message, a workstream's channel), the one programme the caller leads. Someone who
 * leads none is told where to type it: `forLeads` commands say only leads may, the rest
 * (`/programme add`, which a workstream's coordinator may run) point to the board's channel.
 */
export function findProgramme(core: Core, ctx: CommandContext, forLeads = true): Programme {
  const { programmes } = core.store;
  const here = ctx.channel ? programmes.byChannel(ctx.channel) : undefined;
  if (here) return here;
  const led = programmes.ledBy(ctx.actor.id);
  if (led.length === 1) return led[0] as Programme;
  if (led.length > 1) {
    refuse(
      "programme.which",
      rich`You lead ${led.length} programmes: ${nameList(led.map((p) => [em(p.name)]))}. Please type this in the programme board's channel.`,
    );
  }
  const workstream = ctx.channel ? core.store.workstreams.byChannel(ctx.channel) : undefined;
  if (ctx.channel && !workstream) {
    refuse(
      "programme.not-here",
      rich`This channel isn't a programme board yet. You can start one here with ${code("/programme setup Mental health programme")}.`,
    );
  }
  if (forLeads) refuse("programme.leads-only", LEADS_ONLY);
  refuse(
    "programme.not-here",
    rich`Please type this in the programme board's channel, for example ${code("/programme add Medication safety")}.`,
  );
}

/** Refuses anyone who is not a lead of the programme. */
export function requireLead(core: Core, programme: Programme, person: Person): void {
  if (!core.store.programmes.isLead(programme.id, person.id)) refuse("programme.leads-only", LEADS_ONLY);
}
