import { z } from "zod";
import { epochMs, epochMsOrNull, rowReader, toDate, toDateOrNull } from "./rows.ts";

/** Dissent and parking rows read back from SQLite, checked at the edge like rows.ts. */

export const DissentRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    member_id: z.number(),
    view: z.string(),
    meeting_id: z.number().nullable(),
    recorded_by: z.number(),
    recorded_at: epochMs,
    status: z.enum(["awaiting-confirmation", "confirmed", "withdrawn"]),
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    memberId: r.member_id,
    view: r.view,
    meetingId: r.meeting_id,
    recordedBy: r.recorded_by,
    recordedAt: toDate(r.recorded_at),
    status: r.status,
  }),
);

export const DissentEventRow = rowReader(
  z.object({
    id: z.number(),
    dissent_id: z.number(),
    event: z.enum(["recorded", "confirmed", "edited", "withdrawn"]),
    actor_id: z.number(),
    at: epochMs,
    old_view: z.string().nullable(),
    new_view: z.string().nullable(),
  }),
  (r) => ({
    id: r.id,
    dissentId: r.dissent_id,
    event: r.event,
    actorId: r.actor_id,
    at: toDate(r.at),
    oldView: r.old_view,
    newView: r.new_view,
  }),
);

export const ParkedRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    title: z.string(),
    raised_by: z.number().nullable(),
    parked_by: z.number(),
    owner_id: z.number().nullable(),
    revisit_on: epochMsOrNull,
    status: z.enum(["parked", "resolved", "dropped"]),
    outcome: z.string().nullable(),
    from_dissent_id: z.number().nullable(),
    parked_at: epochMs,
    closed_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    title: r.title,
    raisedBy: r.raised_by,
    parkedBy: r.parked_by,
    ownerId: r.owner_id,
    revisitOn: toDateOrNull(r.revisit_on),
    status: r.status,
    outcome: r.outcome,
    fromDissentId: r.from_dissent_id,
    parkedAt: toDate(r.parked_at),
    closedAt: toDateOrNull(r.closed_at),
  }),
);

export const ParkedEventRow = rowReader(
  z.object({
    id: z.number(),
    parked_id: z.number(),
    event: z.enum(["parked", "revisit-changed", "resolved", "dropped"]),
    actor_id: z.number(),
    at: epochMs,
    detail: z.string().nullable(),
    old_revisit: epochMsOrNull,
    new_revisit: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    parkedId: r.parked_id,
    event: r.event,
    actorId: r.actor_id,
    at: toDate(r.at),
    detail: r.detail,
    oldRevisit: toDateOrNull(r.old_revisit),
    newRevisit: toDateOrNull(r.new_revisit),
  }),
);
