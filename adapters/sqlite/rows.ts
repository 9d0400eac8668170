import { z } from "zod";
import { GroupSchema, RoleSchema } from "../../src/domain/roles.ts";
import { SettingsSchema } from "../../src/domain/settings.ts";

/** Rows read back from SQLite are checked here, so a bad row fails loudly at the edge. */
/** A time stored as milliseconds since the epoch. */
export const ms = z
  .number()
  .int()
  .transform((n) => new Date(n));
export const msOrNull = z
  .number()
  .int()
  .nullable()
  .transform((n) => (n === null ? null : new Date(n)));

export const PersonRow = z
  .object({ id: z.number(), key: z.string(), name: z.string(), dm: z.string(), quiet_until: msOrNull })
  .transform(({ quiet_until, ...p }) => ({ ...p, quietUntil: quiet_until }));

export const WorkstreamRow = z
  .object({ id: z.number(), name: z.string(), channel: z.string(), settings: z.string() })
  .transform(({ settings, ...w }) => ({ ...w, settings: SettingsSchema.parse(JSON.parse(settings)) }));

export const MemberRow = z
  .object({
    id: z.number(),
    key: z.string(),
    name: z.string(),
    dm: z.string(),
    quiet_until: msOrNull,
    workstream_id: z.number(),
    role: RoleSchema,
    grp: GroupSchema,
  })
  .transform(({ quiet_until, workstream_id, grp, ...m }) => ({
    ...m,
    quietUntil: quiet_until,
    workstreamId: workstream_id,
    group: grp,
  }));

export const MeetingRow = z
  .object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    title: z.string(),
    starts_at: ms,
    ends_at: ms,
    status: z.enum(["scheduled", "cancelled", "ended"]),
    ended_at: msOrNull,
  })
  .transform((m) => ({
    id: m.id,
    workstreamId: m.workstream_id,
    seq: m.seq,
    title: m.title,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    status: m.status,
    endedAt: m.ended_at,
  }));

const MessageJson = z
  .string()
  .transform((s) => JSON.parse(s) as import("../../src/messages/message.ts").Message);

export const OutboxRowSchema = z
  .object({
    id: z.number(),
    key: z.string(),
    address: z.string(),
    message: MessageJson,
    person_id: z.number().nullable(),
    workstream_id: z.number().nullable(),
    subject: z.string().nullable(),
    is_reminder: z.number(),
    not_before: ms,
    expires_at: msOrNull,
    audience: z.enum(["chair", "coordinator"]).nullable().default(null),
    status: z.enum(["pending", "sent", "dropped", "failed"]),
    attempts: z.number(),
    next_attempt_at: ms,
  })
  .transform((r) => ({
    id: r.id,
    key: r.key,
    address: r.address,
    message: r.message,
    personId: r.person_id,
    workstreamId: r.workstream_id,
    subject: r.subject,
    isReminder: r.is_reminder === 1,
    notBefore: r.not_before,
    expiresAt: r.expires_at,
    audience: r.audience,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
  }));

/** Parses one row, or undefined when there was none. */
export function one<T>(schema: z.ZodType<T>, row: unknown): T | undefined {
  return row === undefined ? undefined : schema.parse(row);
}

export function many<T>(schema: z.ZodType<T>, rows: unknown[]): T[] {
  return rows.map((r) => schema.parse(r));
}
