import { z } from "zod";
import { ms, msOrNull } from "./rows.ts";

/** Dissent and parking rows read back from SQLite, checked at the edge like rows.ts. */

export const DissentRow = z
  .object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    member_id: z.number(),
    view: z.string(),
    meeting_id: z.number().nullable(),
    recorded_by: z.number(),
    recorded_at: ms,
    status: z.enum(["awaiting-confirmation", "confirmed", "withdrawn"]),
  })
  .transform((r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    memberId: r.member_id,
    view: r.view,
    meetingId: r.meeting_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    status: r.status,
  }));

export const DissentEventRow = z
  .object({
    id: z.number(),
    dissent_id: z.number(),
    event: z.enum(["recorded", "confirmed", "edited", "withdrawn"]),
    actor_id: z.number(),
    at: ms,
    old_view: z.string().nullable(),
    new_view: z.string().nullable(),
  })
  .transform((r) => ({
    id: r.id,
    dissentId: r.dissent_id,
    event: r.event,
    actorId: r.actor_id,
    at: r.at,
    oldView: r.old_view,
    newView: r.new_view,
  }));

export const ParkedRow = z
  .object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    title: z.string(),
    raised_by: z.number().nullable(),
    parked_by: z.number(),
    owner_id: z.number().nullable(),
    revisit_on: msOrNull,
    status: z.enum(["parked", "resolved", "dropped"]),
    outcome: z.string().nullable(),
    from_dissent_id: z.number().nullable(),
    parked_at: ms,
    closed_at: msOrNull,
  })
  .transform((r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    title: r.title,
    raisedBy: r.raised_by,
    parkedBy: r.parked_by,
    ownerId: r.owner_id,
    revisitOn: r.revisit_on,
    status: r.status,
    outcome: r.outcome,
    fromDissentId: r.from_dissent_id,
    parkedAt: r.parked_at,
    closedAt: r.closed_at,
  }));

export const ParkedEventRow = z
  .object({
    id: z.number(),
    parked_id: z.number(),
    event: z.enum(["parked", "revisit-changed", "resolved", "dropped"]),
    actor_id: z.number(),
    at: ms,
    detail: z.string().nullable(),
    old_revisit: msOrNull,
    new_revisit: msOrNull,
  })
  .transform((r) => ({
    id: r.id,
    parkedId: r.parked_id,
    event: r.event,
    actorId: r.actor_id,
    at: r.at,
    detail: r.detail,
    oldRevisit: r.old_revisit,
    newRevisit: r.new_revisit,
  }));
