import { summariseCheckIn } from "../domain/check-in-summary.ts";
import type { Message } from "../messages/message.ts";
import { summaryMessage } from "./check-in-messages.ts";
import type { Core, WorkstreamContext } from "./core.ts";
import { findCheckIn } from "./find-check-in.ts";

/** `/checkin summary [<M-n>]` (chairs): the summary so far, or the final one once closed. */
export function summariseCheckInNow(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const scene = findCheckIn(core, ctx, idText, "/checkin summary M-3");
  const summary = summariseCheckIn(core.store.checkIns.answers(scene.checkIn.id));
  return summaryMessage(scene, summary, scene.checkIn.closedAt !== null);
}
