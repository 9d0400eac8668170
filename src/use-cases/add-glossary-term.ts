import { refuse } from "../domain/errors.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "./core.ts";

const MAX_TERM = 80;
const MAX_MEANING = 1000;
const EXAMPLE =
  "`/glossary add ICB = Integrated Care Board: the NHS body that plans and pays for local health services`";

/** `/glossary add <term> = <plain meaning>`: adds the term, or replaces its meaning. */
export function addGlossaryTerm(core: Core, ctx: WorkstreamContext, args: string): Message {
  const split = args.indexOf("=");
  const term = (split < 0 ? args : args.slice(0, split)).trim();
  const meaning = split < 0 ? "" : args.slice(split + 1).trim();
  if (!term || !meaning)
    refuse(
      "glossary.usage",
      `Please write the word, an equals sign, then its plain meaning. For example: ${EXAMPLE}.`,
    );
  if (term.length > MAX_TERM)
    refuse("glossary.term-long", `Please keep the word under ${MAX_TERM} characters.`);
  if (meaning.length > MAX_MEANING)
    refuse("glossary.meaning-long", `Please keep the meaning under ${MAX_MEANING} characters.`);
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
      ? `Added to the glossary: *${term}* — ${meaning}`
      : `Updated the glossary: *${term}* now means: ${meaning}`,
    {
      kind: "note",
      text: "Every member can see it with `/glossary`. The papers messages point people to it.",
    },
  );
}
