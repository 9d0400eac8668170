import { refuse } from "../domain/errors.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** `/glossary remove <term>`: takes a wrong or unwanted entry back out (PRODUCT.md §11). */
export function removeGlossaryTerm(core: Core, ctx: WorkstreamContext, term: string): Message {
  const found = core.store.glossary.get(ctx.workstream.id, term);
  if (!found || !core.store.glossary.remove(ctx.workstream.id, found.term))
    refuse(
      "glossary.not-found",
      rich`There's no "${term}" in the glossary. To see every word in it, type ${code("/glossary")}.`,
    );
  core.log.info({ workstream: ctx.workstream.id }, "glossary term removed");
  return message(rich`Taken ${em(found.term)} out of the glossary.`, {
    kind: "note",
    text: rich`To add it again with a better meaning: ${code(`/glossary add ${found.term} = what it means`)}.`,
  });
}
