import type { Workstream } from "../domain/entities.ts";
import type { Programme } from "../domain/programme.ts";
import type { Group } from "../domain/roles.ts";
import type { Settings } from "../domain/settings.ts";

/** Programmes, their leads and their workstreams (PRODUCT.md §14). */
export interface ProgrammeStore {
  create(input: { name: string; channel: string; settings: Settings; now: Date }): Programme;
  byChannel(channel: string): Programme | undefined;
  byName(name: string): Programme | undefined;
  byId(id: number): Programme | undefined;
  all(): Programme[];
  updateSettings(id: number, settings: Settings): void;
  /** Adds a lead; false when they already were one. */
  addLead(programmeId: number, personId: number, now: Date): boolean;
  isLead(programmeId: number, personId: number): boolean;
  /** The leads' person ids, in the order they became leads. */
  leads(programmeId: number): number[];
  /** The programmes this person leads. */
  ledBy(personId: number): Programme[];
  /** Adds the workstream; false when it was already in this programme. */
  addWorkstream(programmeId: number, workstreamId: number, now: Date): boolean;
  /** The programme a workstream belongs to, if any. */
  ofWorkstream(workstreamId: number): Programme | undefined;
  /** The programme's workstreams, by name. */
  workstreams(programmeId: number): Workstream[];
}

/** One closed check-in's answers to the two trend questions, counted per group and answer. */
export interface CheckInAnswerCounts {
  checkInId: number;
  workstreamId: number;
  startsAt: Date;
  group: Group;
  listened: "yes" | "partly" | "no" | null;
  spoke: "fully" | "partly" | "not-really" | null;
  count: number;
}

/**
 * Read-only counts for the programme figures, across many workstreams at once: each is one
 * query, so a programme of 17 workstreams and a year of history stays fast.
 */
export interface ProgrammeFacts {
  /** Meetings not cancelled that started in [from, to), per workstream. */
  meetings(workstreamIds: number[], from: Date, to: Date): Array<{ workstreamId: number; startsAt: Date }>;
  /** Papers sent for meetings starting in [from, to): when, and whether late. */
  papersSent(
    workstreamIds: number[],
    from: Date,
    to: Date,
  ): Array<{ workstreamId: number; startsAt: Date; late: boolean }>;
  /** Closed check-ins of meetings starting in [from, to): how many were sent it and answered. */
  responses(
    workstreamIds: number[],
    from: Date,
    to: Date,
  ): Array<{ checkInId: number; workstreamId: number; startsAt: Date; invited: number; answered: number }>;
  /** Finished answers (named and anonymous alike) of those same check-ins. */
  answerCounts(workstreamIds: number[], from: Date, to: Date): CheckInAnswerCounts[];
}
