import type { Person, Workstream } from "../domain/entities.ts";
import { afterQuietHours } from "../domain/time.ts";
import type { Message } from "../messages/message.ts";
import type { Core } from "../ports/core.ts";

export interface DirectMessageOptions {
  /** Unique idempotency key: the same key is only ever sent once. */
  key: string;
  subject?: string;
  isReminder?: boolean;
  /** When it should go (default now); quiet hours move it to the morning. */
  at?: Date;
  expiresAt?: Date;
  /** Meant for this role: not delivered if the person has lost it by the time it is due. */
  audience?: "chair" | "coordinator";
}

/**
 * Queues a direct message in the outbox. Quiet hours and weekends (the workstream's) hold it
 * until the morning; everything else about delivery is the sender's job.
 */
export function queueDirectMessage(
  core: Core,
  workstream: Workstream,
  person: Person,
  message: Message,
  options: DirectMessageOptions,
): boolean {
  const at = options.at ?? core.clock.now();
  const held = afterQuietHours(at, workstream.settings);
  // A message that matters (a cancellation the night before an early meeting, a check-in that
  // would close first) goes now rather than be held past the moment it is for; a reminder that
  // cannot arrive in time is simply not worth sending.
  const late = options.expiresAt !== undefined && held.getTime() >= options.expiresAt.getTime();
  return core.store.outbox.enqueue(
    {
      key: options.key,
      address: person.dm,
      message,
      notBefore: late && !options.isReminder ? at : held,
      personId: person.id,
      workstreamId: workstream.id,
      subject: options.subject ?? null,
      isReminder: options.isReminder ?? false,
      expiresAt: options.expiresAt ?? null,
      audience: options.audience ?? null,
    },
    core.clock.now(),
  );
}

/** Queues a post to the workstream's channel (never held: a channel is not a person's phone). */
export function queueChannelPost(
  core: Core,
  workstream: Workstream,
  message: Message,
  options: { key: string; subject?: string },
): boolean {
  const now = core.clock.now();
  return core.store.outbox.enqueue(
    {
      key: options.key,
      address: workstream.channel,
      message,
      notBefore: now,
      workstreamId: workstream.id,
      subject: options.subject ?? null,
    },
    now,
  );
}

/**
 * Rewrites a direct message in place, the one queued under `original` (PRODUCT.md §11: the
 * agenda is updated in the papers message, never sent again). Still waiting to go, it simply
 * goes out with the new words. Once sent (or possibly in flight), an update row keyed `key`
 * follows; rows under `supersedes` that have not gone yet are dropped, so the newest version
 * wins and each version is sent once. Never held by quiet hours: an update does not notify.
 * Returns whether an update row was queued.
 */
export function queueUpdate(
  core: Core,
  message: Message,
  options: { original: string; key: string; supersedes: string; expiresAt?: Date },
): boolean {
  const now = core.clock.now();
  const { outbox } = core.store;
  const existing = outbox.byKey(options.original);
  if (!existing || (existing.status !== "pending" && existing.status !== "sent")) return false;
  if (existing.status === "pending") {
    outbox.replacePending(options.original, message);
    // Not due yet, so certainly not in flight: it will go out with these words.
    if (existing.nextAttemptAt.getTime() > now.getTime()) return false;
  }
  outbox.supersede(options.supersedes, options.key, "a newer version", now);
  return outbox.enqueue(
    {
      key: options.key,
      address: existing.address,
      message,
      notBefore: now,
      personId: existing.personId ?? null,
      workstreamId: existing.workstreamId ?? null,
      subject: existing.subject ?? null,
      expiresAt: options.expiresAt ?? existing.expiresAt ?? null,
      updatesKey: options.original,
    },
    now,
  );
}

/**
 * Queues a direct message to a programme lead (PRODUCT.md §14): the programme's own quiet
 * hours and weekends hold it, and it belongs to no workstream.
 */
export function queueProgrammeMessage(
  core: Core,
  programme: { settings: Workstream["settings"] },
  person: Person,
  message: Message,
  options: { key: string; at?: Date },
): boolean {
  const at = options.at ?? core.clock.now();
  return core.store.outbox.enqueue(
    {
      key: options.key,
      address: person.dm,
      message,
      notBefore: afterQuietHours(at, programme.settings),
      personId: person.id,
      workstreamId: null,
    },
    core.clock.now(),
  );
}
