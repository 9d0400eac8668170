import type { Attendance, Meeting, Member, Person, Workstream } from "../domain/entities.ts";
import type { Group, Role } from "../domain/roles.ts";
import type { Settings } from "../domain/settings.ts";
import type { Message } from "../messages/message.ts";
import type { AgendaStore } from "./agenda-store.ts";
import type { CheckInStore } from "./checkin-store.ts";
import type { DecisionStore } from "./decision-store.ts";
import type { DigestFacts } from "./digest-store.ts";
import type { DissentStore } from "./dissent-store.ts";
import type { GroundRulesStore } from "./ground-rules-store.ts";
import type { OneToOneStore } from "./one-to-one-store.ts";
import type { OutcomeFacts } from "./outcome-facts.ts";
import type { GlossaryStore, PapersStore } from "./papers-store.ts";
import type { ParkingStore } from "./parking-store.ts";
import type { ProgrammeFacts, ProgrammeStore } from "./programme-store.ts";
import type { ReviewStore } from "./review-store.ts";
import type { SchedulerStore } from "./scheduler-store.ts";
import type { SupportStore } from "./support-store.ts";

/**
 * Everything the core keeps. It is synchronous because SQLite is local and fast; the one
 * implementation is adapters/sqlite, and tests use it too (on a temp file or :memory:).
 */
export interface Store {
  /** Runs fn atomically: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T;
  /**
   * Writes the journal into the database and empties it, so that no earlier version of a
   * changed row (an anonymous answer still beside its person, say) is left in the journal.
   * Call it outside a transaction.
   */
  flushJournal(): void;
  /**
   * How many rows this process has inserted, changed or deleted so far. A command that moved it
   * may have queued something to send; one that did not (most are reads) has nothing new.
   */
  writes(): number;
  people: PeopleStore;
  workstreams: WorkstreamStore;
  members: MemberStore;
  meetings: MeetingStore;
  outbox: OutboxStore;
  inbound: InboundStore;
  checkIns: CheckInStore;
  support: SupportStore;
  /** Papers ahead of meetings, read confirmations, questions to the chair, format requests. */
  papers: PapersStore;
  glossary: GlossaryStore;
  /** Meetings' agendas and members' suggestions for them (PRODUCT.md §11). */
  agenda: AgendaStore;
  dissent: DissentStore;
  /** One-to-ones held and requested (PRODUCT.md §4). */
  oneToOnes: OneToOneStore;
  /** Read-only facts for the coordinator digest. */
  digestFacts: DigestFacts;
  parking: ParkingStore;
  /** The decision log (PRODUCT.md §12). */
  decisions: DecisionStore;
  /** Read-only facts for "You said, we did" (PRODUCT.md §12). */
  outcomeFacts: OutcomeFacts;
  /** The scheduler's last tick, for logging work missed while the bot was down. */
  scheduler: SchedulerStore;
  /** Ground rules agreed and asked about (PRODUCT.md §13). */
  groundRules: GroundRulesStore;
  /** Formal reviews and the final evaluation (PRODUCT.md §13). */
  reviews: ReviewStore;
  /** Programmes, their leads and workstreams (PRODUCT.md §14). */
  programmes: ProgrammeStore;
  /** Read-only counts for the programme figures. */
  programmeFacts: ProgrammeFacts;
}

export interface PeopleStore {
  /** Finds or creates the person with this key, refreshing name and DM address when given. */
  upsert(person: { key: string; name: string; dm: string }): Person;
  byKey(key: string): Person | undefined;
  byId(id: number): Person | undefined;
  setQuietUntil(personId: number, until: Date | null): void;
}

export interface WorkstreamStore {
  create(input: { name: string; channel: string; settings: Settings; now: Date }): Workstream;
  byChannel(channel: string): Workstream | undefined;
  byName(name: string): Workstream | undefined;
  byId(id: number): Workstream | undefined;
  all(): Workstream[];
  updateSettings(id: number, settings: Settings): void;
  /** Marks it closed (read-only from now on); false when it already was. */
  close(id: number, at: Date): boolean;
}

export interface MemberStore {
  /** Adds, or re-activates with the given role and group. */
  add(input: { workstreamId: number; personId: number; role: Role; group: Group; now: Date }): Member;
  get(workstreamId: number, personId: number): Member | undefined;
  /** Active members, chairs first. */
  list(workstreamId: number): Member[];
  setRole(workstreamId: number, personId: number, role: Role): void;
  setGroup(workstreamId: number, personId: number, group: Group): void;
  /** Marks them removed; their history stays until they are forgotten. */
  remove(workstreamId: number, personId: number, now: Date): void;
  /** The workstreams this person is an active member of. */
  workstreamsOf(personId: number): Workstream[];
}

export interface MeetingStore {
  create(input: { workstreamId: number; title: string; startsAt: Date; endsAt: Date; now: Date }): Meeting;
  bySeq(workstreamId: number, seq: number): Meeting | undefined;
  byId(id: number): Meeting | undefined;
  /** Scheduled meetings that have not ended yet, soonest first. */
  upcoming(workstreamId: number, now: Date): Meeting[];
  /** The first meeting (held or to come, not cancelled) starting at or after `from`. */
  firstFrom(workstreamId: number, from: Date): Meeting | undefined;
  /** Scheduled meetings starting in [from, to), across all workstreams (the scheduler's query). */
  startingBetween(from: Date, to: Date): Meeting[];
  setStatus(id: number, status: "cancelled" | "ended", at: Date): void;
  setAttendance(meetingId: number, personId: number, attendance: Attendance, now: Date): void;
  attendance(meetingId: number, personId: number): Attendance | undefined;
  /** Where it happens (a link or a room); null takes it off. */
  setPlace(id: number, place: string | null): void;
  setTitle(id: number, title: string): void;
  /** New times; `moved` (a new start) also counts one more move. */
  setTimes(id: number, times: { startsAt: Date; endsAt: Date; moved: boolean }): void;
}

/** One message waiting to go out. `key` makes enqueueing idempotent. */
export interface OutboxItem {
  key: string;
  address: string;
  message: Message;
  /** Not before this moment (quiet hours move it to the morning). */
  notBefore: Date;
  /** The person it is for, when it is a direct message. */
  personId?: number | null;
  workstreamId?: number | null;
  /** What it is about (`meeting:12`), so cancelling that drops what is still waiting. */
  subject?: string | null;
  /** Reminders are skipped for people who asked for /quiet. */
  isReminder?: boolean;
  /** After this it no longer makes sense; it is dropped and logged instead of sent. */
  expiresAt?: Date | null;
  /** For whoever holds this role: dropped if the person no longer does when it is due. */
  audience?: "chair" | "coordinator" | null;
  /**
   * An update row: instead of sending a new message, the sender rewrites the message already
   * sent under this key, in place (PRODUCT.md §11: the agenda is updated in the papers message).
   */
  updatesKey?: string | null;
}

export type OutboxStatus = "pending" | "sent" | "dropped" | "failed";

export interface OutboxRow extends OutboxItem {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  /** What the platform called the message once sent (for updating it in place); null before, or if none. */
  platformRef: string | null;
}

export interface OutboxStore {
  /** Adds the item unless one with the same key exists; true when it was added. */
  enqueue(item: OutboxItem, now: Date): boolean;
  /** Pending rows whose time has come, oldest first. */
  due(now: Date, limit: number): OutboxRow[];
  /** The earliest moment a pending row becomes due, if any. */
  nextDueAt(): Date | undefined;
  /** Marks it sent, keeping the platform's reference to the message when the gateway gave one. */
  markSent(id: number, at: Date, platformRef?: string): void;
  /** Rewrites the body of a row still waiting to go (so it goes out as it now should); false if none. */
  replacePending(key: string, message: Message): boolean;
  /** Drops rows still waiting whose key starts with `keyPrefix`, except `keep`; returns how many. */
  supersede(keyPrefix: string, keep: string, reason: string, at: Date): number;
  /** Tries again at `at`; `countsAsAttempt` false for waits that are not failures (rate limits). */
  retryLater(id: number, at: Date, error: string, countsAsAttempt?: boolean): void;
  finish(id: number, status: "dropped" | "failed", reason: string, at: Date): void;
  /** Drops pending rows about this subject; returns how many. */
  dropSubject(subject: string, reason: string, at: Date): number;
  /** The rows about this subject still waiting to go, oldest first. */
  pendingAbout(subject: string): OutboxRow[];
  /**
   * Rewrites a row still waiting (its key stays, so it is still sent at most once); false when
   * it has gone meanwhile. A row the sender is sending right now goes with its old words.
   */
  rewritePending(id: number, change: { message: Message; notBefore: Date; expiresAt: Date | null }): boolean;
  byKey(key: string): OutboxRow | undefined;
  /** The newest key starting with `keyPrefix` among rows queued at or after `since`, if any. */
  latestKeySince(keyPrefix: string, since: Date): string | undefined;
  countByStatus(): Record<OutboxStatus, number>;
  /**
   * Removes the body of rows sent, dropped or failed before `before` (a batch at a time), keeping
   * their key, state and times; returns how many were emptied.
   */
  emptyFinishedBefore(before: Date): number;
  /**
   * Messages for this workstream that were tried, failed, and then dropped as stale in
   * (since, now]: what a platform outage cost, by platform (`slack`, `teams`).
   */
  undeliveredSince(workstreamId: number, since: Date): Array<{ platform: string; count: number }>;
  /** When this workstream's last coordinator digest (scheduled or `/digest now`) was sent. */
  lastDigestSentAt(workstreamId: number): Date | undefined;
}

/** Remembers platform deliveries already handled (Slack event ids, card submissions). */
export interface InboundStore {
  /** True the first time this key is seen; false for a repeat. */
  firstSeen(key: string, now: Date): boolean;
  /** Forgets up to `limit` keys first seen before `before`, oldest first; returns how many. */
  forgetBefore(before: Date, limit: number): number;
}
