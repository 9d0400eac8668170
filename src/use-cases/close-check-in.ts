import type { CheckIn } from "../domain/check-in.ts";
import { queueDirectMessage } from "../outbox/enqueue.ts";
import type { Core } from "../ports/core.ts";
import { checkInSummary } from "./check-in-figures.ts";
import { summaryMessage } from "./check-in-messages.ts";
import { sceneOf } from "./find-check-in.ts";
import { chairsOf } from "./people.ts";

/**
 * Closes a check-in whose time is up and sends each chair the summary, privately. Runs in the
 * scheduler's transaction; closing twice does nothing, and each summary has its own outbox key.
 * Returns how many summaries were queued.
 */
export function closeCheckIn(core: Core, checkIn: CheckIn, now: Date): number {
  if (!core.store.checkIns.close(checkIn.id, now)) return 0;
  const scene = sceneOf(core, { ...checkIn, closedAt: now });
  if (!scene) return 0;
  const summary = summaryMessage(scene, checkInSummary(core.store.checkIns, scene.checkIn, "chair"));
  let queued = 0;
  for (const chair of chairsOf(core.store.members.list(scene.workstream.id))) {
    if (
      queueDirectMessage(core, scene.workstream, chair, summary, {
        key: `checkin-summary:${checkIn.id}:${chair.id}`,
        audience: "chair",
      })
    )
      queued++;
  }
  core.log.info({ checkIn: checkIn.id, chairs: queued }, "check-in closed");
  return queued;
}
