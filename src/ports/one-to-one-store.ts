import type { OneToOne, OneToOneRequest, OneToOneSource } from "../domain/one-to-one.ts";

/** One-to-ones held and requested (migrations/005). Dates here are private: see PRODUCT.md §6. */
export interface OneToOneStore {
  log(input: { workstreamId: number; personId: number; chairId: number; heldOn: Date; now: Date }): OneToOne;
  /** Each member's most recent one-to-one in this workstream, by person id. */
  latestByMember(workstreamId: number): Map<number, OneToOne>;
  /** Opens a request unless one is already open; `created` is false for a repeat. */
  request(input: { workstreamId: number; personId: number; source: OneToOneSource; now: Date }): {
    request: OneToOneRequest;
    created: boolean;
  };
  /** Open requests in this workstream, oldest first. */
  openRequests(workstreamId: number): OneToOneRequest[];
  /** Clears this member's open request; true when there was one. */
  clearRequest(workstreamId: number, personId: number, now: Date): boolean;
  /** When each active member joined this workstream, by person id (due dates count from it). */
  joinedAt(workstreamId: number): Map<number, Date>;
}
