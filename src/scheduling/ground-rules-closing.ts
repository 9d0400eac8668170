import type { Core } from "../ports/core.ts";
import { closeGroundRulesRound } from "../use-cases/summarise-ground-rules.ts";

/** Ground-rules rounds whose time is up are closed, and the chairs get the summary. */
export function queueGroundRulesClosings(core: Core, now: Date): number {
  let queued = 0;
  for (const round of core.store.groundRules.dueToClose(now)) {
    // A closed workstream's round was closed with it; the open-only view hides any other.
    if (!core.store.workstreams.byId(round.workstreamId)) continue;
    queued += closeGroundRulesRound(core, round, now);
  }
  return queued;
}
