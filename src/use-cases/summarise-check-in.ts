import type { Message } from "../messages/message.ts";
import type { Core, WorkstreamContext } from "../ports/core.ts";
import { checkInSummary } from "./check-in-figures.ts";
import { summaryMessage } from "./check-in-messages.ts";
import { findCheckIn } from "./find-check-in.ts";

/** `/checkin summary [<M-n>]` (chairs): how many have answered so far, or the summary once closed. */
export function summariseCheckInNow(core: Core, ctx: WorkstreamContext, idText: string): Message {
  const scene = findCheckIn(core, ctx, idText, "/checkin summary M-3");
  return summaryMessage(scene, checkInSummary(core.store.checkIns, scene.checkIn, "chair"));
}
