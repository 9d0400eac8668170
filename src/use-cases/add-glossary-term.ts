import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** A glossary entry as `/glossary add` read it: both parts cleaned and within their limits. */
export interface GlossaryInput {
  term: string;
  meaning: string;
}

/** `/glossary add <term> = <plain meaning>`: adds the term, or replaces its meaning. */
export function addGlossaryTerm(core: Core, ctx: WorkstreamContext, input: GlossaryInput): Message {
  const { term, meaning } = input;
  const added = core.store.glossary.upsert({
    workstreamId: ctx.workstream.id,
    term,
    meaning,
    by: ctx.actor.id,
    now: core.clock.now(),
  });
  core.log.info({ workstream: ctx.workstream.id, added }, "glossary term saved");
  return message(
    added
      ? rich`Added to the glossary: ${em(term)} — ${meaning}`
      : rich`Updated the glossary: ${em(term)} now means: ${meaning}`,
    {
      kind: "note",
      text: rich`Every member can see it with ${code("/glossary")}. The papers messages point people to it.`,
    },
  );
}
