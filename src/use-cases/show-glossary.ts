import { code, em, rich } from "../domain/rich-text.ts";
import { isOrganiser } from "../domain/roles.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";

/** `/glossary [<term>]`: the workstream's plain meanings, all of them or one. */
export function showGlossary(core: Core, ctx: WorkstreamContext, term: string): Message {
  const { workstream } = ctx;
  const canAdd = isOrganiser(ctx.member?.role);
  const wanted = term.trim();
  if (wanted) {
    const found = core.store.glossary.get(workstream.id, wanted);
    if (found) return message(rich`${em(found.term)} — ${found.meaning}`);
    const close = core.store.glossary
      .list(workstream.id)
      .filter(
        (t) =>
          t.term.toLowerCase().includes(wanted.toLowerCase()) ||
          wanted.toLowerCase().includes(t.term.toLowerCase()),
      );
    const hint = canAdd
      ? rich`You can add it: ${code(`/glossary add ${wanted} = what it means in plain words`)}.`
      : rich`You can ask the chair or coordinator to add it, or type ${code("/glossary")} to see every word.`;
    return message(
      rich`There's no plain meaning for "${wanted}" in the ${em(workstream.name)} glossary yet.`,
      ...(close.length > 0
        ? [
            { kind: "text" as const, text: "These words are close to it:" },
            { kind: "list" as const, items: close.map((t) => rich`${em(t.term)} — ${t.meaning}`) },
          ]
        : []),
      { kind: "note", text: hint },
    );
  }
  const terms = core.store.glossary.list(workstream.id);
  if (terms.length === 0) {
    return message(rich`The ${em(workstream.name)} glossary is empty so far.`, {
      kind: "note",
      text: canAdd
        ? rich`Add a word people might not know: ${code("/glossary add ICB = Integrated Care Board: the NHS body that plans local health services")}.`
        : "If a word in the papers or the meeting is unclear, ask the chair or coordinator to add it here.",
    });
  }
  return message(
    rich`Plain meanings of words used in ${em(workstream.name)}:`,
    { kind: "list", items: terms.map((t) => rich`${em(t.term)} — ${t.meaning}`) },
    {
      kind: "note",
      text: rich`Look up one word with ${code("/glossary <word>")}, for example ${code(`/glossary ${terms[0]?.term ?? "ICB"}`)}.`,
    },
  );
}
