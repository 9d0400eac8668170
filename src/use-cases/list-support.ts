import { formatId } from "../domain/ids.ts";
import type { SupportRequest } from "../domain/support.ts";
import { formatDay } from "../domain/time.ts";
import { type Message, message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "./core.ts";

/**
 * `/support list`: a coordinator sees every open request; anyone else (chairs included) sees
 * only their own. Chairs never see anyone else's support requests (PRODUCT.md §6).
 */
export function listSupport(core: Core, ctx: WorkstreamContext): Message {
  const { workstream } = ctx;
  const zone = workstream.settings.timezone;
  if (ctx.member?.role === "coordinator") {
    const open = core.store.support.openIn(workstream.id);
    if (open.length === 0) return message(`There are no open support requests in *${workstream.name}*.`);
    return message(
      `Open support requests in *${workstream.name}* (${open.length}):`,
      { kind: "list", items: open.map((r) => `${line(r, zone)} — ${r.name}`) },
      { kind: "note", text: "Only coordinators see this. When one is sorted: `/support done S-3`." },
    );
  }
  const mine = core.store.support.ofPerson(workstream.id, ctx.actor.id);
  if (mine.length === 0)
    return message(
      "You haven't asked for support here. If something would help, type `/support <what you need>` — only the coordinator will see it.",
    );
  return message(
    "Your support requests:",
    { kind: "list", items: mine.map((r) => `${line(r, zone)} — ${r.status === "open" ? "open" : "done"}`) },
    { kind: "note", text: "Only you and the coordinators see these." },
  );
}

function line(r: SupportRequest, zone: string): string {
  return `${formatId("support", r.seq)} (${r.kind}, ${formatDay(r.createdAt, zone)}): "${r.need}"`;
}
