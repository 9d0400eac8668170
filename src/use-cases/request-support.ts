import type { Person, Workstream } from "../domain/entities.ts";
import { refuse } from "../domain/errors.ts";
import { formatId } from "../domain/ids.ts";
import { code, em, rich } from "../domain/rich-text.ts";
import {
  type SupportKind,
  type SupportRequest,
  type SupportSource,
  supportKindWords,
} from "../domain/support.ts";
import { cleanText, TEXT_LIMITS } from "../domain/text.ts";
import { type Message, message } from "../messages/message.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { coordinatorsOf, nameList } from "./people.ts";

/**
 * Records a support request and sends it at once, privately, to the workstream's coordinators
 * (never the chairs) with the person's name and need. Runs inside the caller's transaction.
 * Also the way in for other features, e.g. "Another format, please" on papers (source "papers").
 */
export function createSupportRequest(
  core: Core,
  workstream: Workstream,
  person: Person,
  input: { kind: SupportKind; need: string; source: SupportSource; checkInId?: number },
): { request: SupportRequest; coordinators: string[] } {
  const now = core.clock.now();
  const request = core.store.support.create({
    workstreamId: workstream.id,
    personId: person.id,
    kind: input.kind,
    // Forms and buttons arrive here too, so the need is cleaned and held to the limit once more.
    need: [...cleanText(input.need)].slice(0, TEXT_LIMITS.support).join(""),
    source: input.source,
    ...(input.checkInId !== undefined ? { checkInId: input.checkInId } : {}),
    now,
  });
  const id = formatId("support", request.seq);
  const coordinators = coordinatorsOf(core.store.members.list(workstream.id)).filter(
    (c) => c.id !== person.id,
  );
  for (const coordinator of coordinators) {
    queueDirectMessage(
      core,
      workstream,
      coordinator,
      message(
        rich`${person.name} in ${em(workstream.name)} has asked for ${supportKindWords(input.kind)} (${id}): "${request.need}"`,
        {
          kind: "note",
          text: rich`Only the coordinators see this, not the chair. When it's sorted: ${code(`/support done ${id}`)}. All open requests: ${code("/support list")}.`,
        },
      ),
      { key: `support:${request.id}:${coordinator.id}`, audience: "coordinator" },
    );
  }
  core.log.info({ workstream: workstream.id, support: request.id }, "support requested");
  return { request, coordinators: coordinators.map((c) => c.name) };
}

/** `/support <need>`: a member asks, privately, for practical, accessibility or wellbeing support. */
export function requestSupport(
  core: Core,
  ctx: WorkstreamContext,
  input: { kind: SupportKind; need: string },
): Message {
  const { kind, need } = input;
  if (!need)
    refuse(
      "support.usage",
      rich`Please say what would help, for example ${code("/support accessibility large-print papers")}.`,
    );
  const { request, coordinators } = core.store.transaction(() =>
    createSupportRequest(core, ctx.workstream, ctx.actor, { kind, need, source: "command" }),
  );
  // Only coordinators can use the id (`/support done S-3`), so only they are told it.
  const id = ctx.member?.role === "coordinator" ? formatId("support", request.seq) : undefined;
  return supportReceipt(ctx.actor, id, coordinators);
}

/** What the person is told: who will see it (and, for a coordinator, its id). */
export function supportReceipt(person: Person, id: string | undefined, coordinators: string[]): Message {
  const who = coordinators.length > 0 ? `${nameList(coordinators)} (coordinator)` : "the coordinator";
  const idText = id ? ` It's ${id}.` : "";
  if (id && coordinators.length === 0) {
    return message(`Thanks, ${person.name}. I've noted it as ${id}. There's no other coordinator here yet.`, {
      kind: "note",
      text: rich`The chair and other members won't see it. ${code("/support list")} shows it.`,
    });
  }
  return message(`Thanks, ${person.name}. I've passed this privately to ${who}.${idText}`, {
    kind: "note",
    text: rich`Only the coordinators see it — not the chair or other members. ${code("/support list")} shows your requests.`,
  });
}
