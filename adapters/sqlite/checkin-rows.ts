import { z } from "zod";
import { GroupSchema } from "../../src/domain/roles.ts";
import { SUPPORT_KINDS } from "../../src/domain/support.ts";
import { epochMs, epochMsOrNull, rowReader, toDate, toDateOrNull } from "./rows.ts";

/** Check-in and support rows read back from SQLite, checked at the edge like rows.ts. */

export const CheckInRow = rowReader(
  z.object({
    id: z.number(),
    meeting_id: z.number(),
    workstream_id: z.number(),
    opened_at: epochMs,
    remind_at: epochMs,
    closes_at: epochMs,
    reminders_queued_at: epochMsOrNull,
    closed_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    workstreamId: r.workstream_id,
    openedAt: toDate(r.opened_at),
    remindAt: toDate(r.remind_at),
    closesAt: toDate(r.closes_at),
    remindersQueuedAt: toDateOrNull(r.reminders_queued_at),
    closedAt: toDateOrNull(r.closed_at),
  }),
);

export const CheckInAnswerRow = rowReader(
  z.object({
    checkin_id: z.number(),
    person_id: z.number(),
    name: z.string(),
    grp: GroupSchema,
    step: z.number().int(),
    attended: z.enum(["yes", "no"]).nullable(),
    spoke: z.enum(["fully", "partly", "not-really"]).nullable(),
    listened: z.enum(["yes", "partly", "no"]).nullable(),
    comment: z.string().nullable(),
    one_to_one: z.enum(["yes", "no"]).nullable(),
    wants_support: z.enum(["yes", "no"]).nullable(),
    anonymous: z.number(),
    completed_at: epochMsOrNull,
  }),
  (r) => ({
    checkInId: r.checkin_id,
    personId: r.person_id,
    name: r.name,
    group: r.grp,
    step: r.step,
    attended: r.attended,
    spoke: r.spoke,
    listened: r.listened,
    comment: r.comment,
    oneToOne: r.one_to_one,
    wantsSupport: r.wants_support,
    anonymous: r.anonymous === 1,
    completedAt: toDateOrNull(r.completed_at),
  }),
);

export const AnonymousAnswerRow = rowReader(
  z.object({
    checkin_id: z.number(),
    grp: GroupSchema,
    attended: z.enum(["yes", "no"]).nullable(),
    spoke: z.enum(["fully", "partly", "not-really"]).nullable(),
    listened: z.enum(["yes", "partly", "no"]).nullable(),
    comment: z.string().nullable(),
    one_to_one: z.enum(["yes", "no"]).nullable(),
  }),
  (r) => ({
    checkInId: r.checkin_id,
    group: r.grp,
    attended: r.attended,
    spoke: r.spoke,
    listened: r.listened,
    comment: r.comment,
    oneToOne: r.one_to_one,
  }),
);

export const SupportRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    person_id: z.number(),
    name: z.string(),
    kind: z.enum(SUPPORT_KINDS),
    need: z.string(),
    source: z.enum(["command", "checkin", "papers"]),
    status: z.enum(["open", "done"]),
    created_at: epochMs,
    closed_by: z.number().nullable(),
    closed_at: epochMsOrNull,
  }),
  (r) => ({
    id: r.id,
    workstreamId: r.workstream_id,
    seq: r.seq,
    personId: r.person_id,
    name: r.name,
    kind: r.kind,
    need: r.need,
    source: r.source,
    status: r.status,
    createdAt: toDate(r.created_at),
    closedBy: r.closed_by,
    closedAt: toDateOrNull(r.closed_at),
  }),
);
