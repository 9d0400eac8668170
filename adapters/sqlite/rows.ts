import { z } from "zod";
import { GroupSchema, RoleSchema } from "../../src/domain/roles.ts";
import { SettingsSchema } from "../../src/domain/settings.ts";
import type { Message } from "../../src/messages/message.ts";

/** Rows read back from SQLite are checked here, so a bad row fails loudly at the edge. */
export interface RowReader<T> {
  parse(raw: unknown): T;
}

/**
 * Checks a row with a plain zod object, then shapes it with plain JS. zod checks a schema
 * without transforms on its compiled fast path; `.transform` (even a tiny one on one field)
 * takes it off that path and costs ~30–40× more per row, and every command reads rows.
 */
export function rowReader<S extends z.ZodType, T>(schema: S, shape: (row: z.output<S>) => T): RowReader<T> {
  return { parse: (raw) => shape(schema.parse(raw)) };
}

/** A time stored as milliseconds since the epoch; shape functions turn it into a Date. */
export const epochMs = z.number().int();
export const epochMsOrNull = z.number().int().nullable();
export const toDate = (n: number): Date => new Date(n);
export const toDateOrNull = (n: number | null): Date | null => (n === null ? null : new Date(n));

export const PersonRow = rowReader(
  z.object({ id: z.number(), key: z.string(), name: z.string(), dm: z.string(), quiet_until: epochMsOrNull }),
  (r) => ({ id: r.id, key: r.key, name: r.name, dm: r.dm, quietUntil: toDateOrNull(r.quiet_until) }),
);

export const WorkstreamRow = rowReader(
  z.object({
    id: z.number(),
    name: z.string(),
    channel: z.string(),
    settings: z.string(),
    created_at: epochMs,
    // Optional: a database from before migration 017 has no such column.
    closed_at: epochMsOrNull.optional(),
  }),
  (r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    settings: SettingsSchema.parse(JSON.parse(r.settings)),
    createdAt: toDate(r.created_at),
    closedAt: toDateOrNull(r.closed_at ?? null),
  }),
);

export const MemberRow = rowReader(
  z.object({
    id: z.number(),
    key: z.string(),
    name: z.string(),
    dm: z.string(),
    quiet_until: epochMsOrNull,
    workstream_id: z.number(),
    role: RoleSchema,
    grp: GroupSchema,
  }),
  (r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    dm: r.dm,
    role: r.role,
    quietUntil: toDateOrNull(r.quiet_until),
    workstreamId: r.workstream_id,
    group: r.grp,
  }),
);

export const MeetingRow = rowReader(
  z.object({
    id: z.number(),
    workstream_id: z.number(),
    seq: z.number(),
    title: z.string(),
    starts_at: epochMs,
    ends_at: epochMs,
    status: z.enum(["scheduled", "cancelled", "ended"]),
    ended_at: epochMsOrNull,
    place: z.string().nullable(),
    moves: z.number().int(),
  }),
  (m) => ({
    id: m.id,
    workstreamId: m.workstream_id,
    seq: m.seq,
    title: m.title,
    startsAt: toDate(m.starts_at),
    endsAt: toDate(m.ends_at),
    status: m.status,
    endedAt: toDateOrNull(m.ended_at),
    place: m.place,
    moves: m.moves,
  }),
);

export const OutboxRowSchema = rowReader(
  z.object({
    id: z.number(),
    key: z.string(),
    address: z.string(),
    message: z.string(),
    person_id: z.number().nullable(),
    workstream_id: z.number().nullable(),
    subject: z.string().nullable(),
    is_reminder: z.number(),
    not_before: epochMs,
    expires_at: epochMsOrNull,
    audience: z.enum(["chair", "coordinator"]).nullable().default(null),
    status: z.enum(["pending", "sent", "dropped", "failed"]),
    attempts: z.number(),
    next_attempt_at: epochMs,
    // Migration 014; defaults keep rows read by older selects (and tests) valid.
    platform_ref: z.string().nullable().default(null),
    updates_key: z.string().nullable().default(null),
  }),
  (r) => ({
    id: r.id,
    key: r.key,
    address: r.address,
    message: JSON.parse(r.message) as Message,
    personId: r.person_id,
    workstreamId: r.workstream_id,
    subject: r.subject,
    isReminder: r.is_reminder === 1,
    notBefore: toDate(r.not_before),
    expiresAt: toDateOrNull(r.expires_at),
    audience: r.audience,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: toDate(r.next_attempt_at),
    platformRef: r.platform_ref,
    updatesKey: r.updates_key,
  }),
);

/** Parses one row, or undefined when there was none. */
export function one<T>(reader: RowReader<T>, row: unknown): T | undefined {
  return row === undefined ? undefined : reader.parse(row);
}

export function many<T>(reader: RowReader<T>, rows: unknown[]): T[] {
  return rows.map((r) => reader.parse(r));
}
