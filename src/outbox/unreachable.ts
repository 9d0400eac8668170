import { em, rich } from "../domain/rich-text.ts";
import { message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";

import type { OutboxRow } from "../ports/store.ts";
import { queueDirectMessage } from "./enqueue.ts";

/**
 * A member the bot cannot reach (they blocked it, left the workspace, or have not installed the
 * Teams app) must not be skipped in silence: the coordinators are told once a day, so someone
 * can reach them another way.
 */
export function tellCoordinators(core: Core, row: OutboxRow): void {
  if (row.personId == null || row.workstreamId == null) return;
  const person = core.store.people.byId(row.personId);
  const workstream = core.store.workstreams.byId(row.workstreamId);
  if (!person || !workstream) return;
  const day = core.clock.now().toISOString().slice(0, 10);
  const coordinators = core.store.members
    .list(workstream.id)
    .filter((m) => m.role === "coordinator" && m.id !== person.id);
  for (const coordinator of coordinators) {
    queueDirectMessage(
      core,
      workstream,
      coordinator,
      message(
        rich`I couldn't send a message to ${person.name} in ${em(workstream.name)}. They may not have installed the app yet, or may have turned off messages from it.`,
        { kind: "note", text: "Could you check in with them another way? Only coordinators see this." },
      ),
      { key: `unreachable:${workstream.id}:${person.id}:${coordinator.id}:${day}`, audience: "coordinator" },
    );
  }
}
