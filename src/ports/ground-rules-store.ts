import type { AgreedRule, GroundRulesAnswer, GroundRulesRound } from "../domain/ground-rules.ts";

/** Ground rules agreed, and the rounds of `/groundrules ask` (PRODUCT.md §13). */
export interface GroundRulesStore {
  /** Records an agreed answer; earlier ones to the same question stay as history. */
  agree(input: { workstreamId: number; question: number; answer: string; by: number; now: Date }): AgreedRule;
  /** The newest agreed answer to each question that has one, by question. */
  agreed(workstreamId: number): AgreedRule[];
  /** Every answer ever agreed to this question, oldest first. */
  history(workstreamId: number, question: number): AgreedRule[];

  openRound(input: {
    workstreamId: number;
    askedBy: number;
    openedAt: Date;
    closesAt: Date;
  }): GroundRulesRound;
  roundById(id: number): GroundRulesRound | undefined;
  /** The round still open in this workstream, if any. */
  openRoundIn(workstreamId: number): GroundRulesRound | undefined;
  /** The most recently opened round in this workstream. */
  latestRound(workstreamId: number): GroundRulesRound | undefined;
  /** Open rounds whose closing time has come (the scheduler's query). */
  dueToClose(now: Date): GroundRulesRound[];
  /** Closes it; false when it was already closed. */
  closeRound(id: number, at: Date): boolean;

  /** Notes that the person was asked; false if they already were. */
  invite(roundId: number, personId: number, now: Date): boolean;
  /** How many were asked, and how many have answered. */
  counts(roundId: number): { invited: number; answered: number };
  invited(roundId: number, personId: number): { answeredAt: Date | null } | undefined;
  /**
   * Records one person's answers once: named ones with them, anonymous ones in rows tied to no
   * one (random ids, no time). False when they had already answered (or were never asked).
   */
  answer(input: {
    roundId: number;
    personId: number;
    anonymous: boolean;
    answers: Array<{ question: number; text: string }>;
    now: Date;
  }): boolean;
  /** Every answer in the round: named ones with the person's name, anonymous ones without. */
  answers(roundId: number): GroundRulesAnswer[];
}
