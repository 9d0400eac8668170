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
    if (found) return message(`*${found.term}* — ${found.meaning}`);
    const close = core.store.glossary
      .list(workstream.id)
      .filter(
        (t) =>
          t.term.toLowerCase().includes(wanted.toLowerCase()) ||
          wanted.toLowerCase().includes(t.term.toLowerCase()),
      );
    const hint = canAdd
      ? `You can add it: \`/glossary add ${wanted} = what it means in plain words\`.`
      : "You can ask the chair or coordinator to add it, or type `/glossary` to see every word.";
    return message(
      `There's no plain meaning for "${wanted}" in the *${workstream.name}* glossary yet.`,
      ...(close.length > 0
        ? [
            { kind: "text" as const, text: "These words are close to it:" },
            { kind: "list" as const, items: close.map((t) => `*${t.term}* — ${t.meaning}`) },
          ]
        : []),
      { kind: "note", text: hint },
    );
  }
  const terms = core.store.glossary.list(workstream.id);
  if (terms.length === 0) {
    return message(`The *${workstream.name}* glossary is empty so far.`, {
      kind: "note",
      text: canAdd
        ? "Add a word people might not know: `/glossary add ICB = Integrated Care Board: the NHS body that plans local health services`."
        : "If a word in the papers or the meeting is unclear, ask the chair or coordinator to add it here.",
    });
  }
  return message(
    `Plain meanings of words used in *${workstream.name}*:`,
    { kind: "list", items: terms.map((t) => `*${t.term}* — ${t.meaning}`) },
    {
      kind: "note",
      text:
        "Look up one word with `/glossary <word>`, for example `/glossary " +
        (terms[0]?.term ?? "ICB") +
        "`.",
    },
  );
}
