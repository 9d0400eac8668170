import type { Member, Workstream } from "../../domain/entities.ts";
import type { Block } from "../../messages/message.ts";
import type { Core } from "../../ports/core.ts";

/** What every digest section is built from. */
export interface DigestInput {
  core: Core;
  workstream: Workstream;
  /** Active members of the workstream. */
  members: Member[];
  now: Date;
}

/** One part of the digest: a heading and what to say under it. */
export interface DigestSection {
  heading: string;
  blocks: Block[];
}

/**
 * Builds one section, or undefined when it has nothing to say (the digest then leaves it out
 * entirely). `coordinatorsOnly` marks data chairs must never see (support requests, §6).
 */
export interface SectionBuilder {
  name: string;
  coordinatorsOnly?: boolean;
  build(input: DigestInput): DigestSection | undefined;
}

/** "1 member", "3 members". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 5 of 8 → "63%". */
export function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((100 * part) / whole)}%`;
}
