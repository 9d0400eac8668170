import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import { type SupportRequest, supportKindLabel } from "../domain/support.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { capitalise } from "./people.ts";

/**
 * `/support list`: a coordinator sees every open request; anyone else (chairs included) sees
 * only their own. Chairs never see anyone else's support requests (PRODUCT.md §6).
 */
export function listSupport(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  if (ctx.member?.role === "coordinator") {
    const open = core.store.support.openIn(workstream.id);
    if (open.length === 0)
      return message(rich`There are no open support requests in ${em(workstream.name)}.`);
    return message(
      rich`Open support requests in ${em(workstream.name)} (${open.length}):`,
      { kind: "list", items: open.map((r) => `${line(r, zone)} — ${r.name}`) },
      {
        kind: "note",
        text: rich`Only coordinators see this. When one is sorted: ${code("/support done S-3")}.`,
      },
    );
  }
  const mine = core.store.support.ofPerson(workstream.id, ctx.actor.id);
  if (mine.length === 0)
    return message(
      rich`You haven't asked for support here. If something would help, type ${code("/support <what you need>")} — only the coordinator will see it.`,
    );
  return message(
    "Your support requests:",
    // No ids: only coordinators can act on a request by its id.
    {
      kind: "list",
      items: mine.map((r) => `${ownLine(r, zone)} — ${r.status === "open" ? "open" : "done"}`),
    },
    { kind: "note", text: "Only you and the coordinators see these." },
  );
}

/** A coordinator's line: `S-1 (practical, Tuesday 1 December): "a lift"`. */
function line(r: SupportRequest, zone: string): string {
  return `${formatId("support", r.seq)} (${supportKindLabel(r.kind)}, ${formatDay(r.createdAt, zone)}): "${r.need}"`;
}

/** The person's own line, without the id only coordinators can use: `Practical, Tuesday 1 December: "a lift"`. */
function ownLine(r: SupportRequest, zone: string): string {
  return `${capitalise(supportKindLabel(r.kind))}, ${formatDay(r.createdAt, zone)}: "${r.need}"`;
}
