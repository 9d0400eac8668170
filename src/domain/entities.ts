import type { Group, Role } from "./roles.ts";
import type { Settings } from "./settings.ts";

/** A person the bot knows on one platform. `key` is `<platform>:<user id>`; `dm` an opaque address. */
export interface Person {
  id: number;
  key: string;
  name: string;
  dm: string;
  quietUntil: Date | null;
}

/** A group that meets in one chat channel (`channel` is an opaque address). */
export interface Workstream {
  id: number;
  name: string;
  channel: string;
  settings: Settings;
  /** When it was set up: a weekly slot before then was never its to send. */
  createdAt?: Date;
  /** When `/workstream close` made it read-only; null (or absent) while it is open. */
  closedAt?: Date | null;
}

/** A person in one workstream, with their role and stakeholder group there. */
export interface Member extends Person {
  workstreamId: number;
  role: Role;
  group: Group;
}

export type MeetingStatus = "scheduled" | "cancelled" | "ended";

export interface Meeting {
  id: number;
  workstreamId: number;
  /** The short id people type: M-<seq>. */
  seq: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  endedAt: Date | null;
  /** Where it happens: a video link (http/https) or a room, as the organisers wrote it. */
  place: string | null;
  /** How many times its start has been moved (`/meeting move`); 0 for one never moved. */
  moves: number;
}

/** Whether a member said they can come to a meeting (from the day-before reminder). */
export type Attendance = "yes" | "no";
