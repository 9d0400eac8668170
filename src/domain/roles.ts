import { z } from "zod";

/** What a person does in one workstream. A workstream may have several of each. */
export const ROLES = ["chair", "coordinator", "member"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** The stakeholder groups the review names; used to break check-in results down. */
export const GROUPS = [
  "service-user",
  "carer",
  "official",
  "clinician",
  "third-sector",
  "independent",
  "other",
] as const;
export type Group = (typeof GROUPS)[number];
export const GroupSchema = z.enum(GROUPS);

/** Chairs and coordinators run a workstream; most management commands need one of them. */
export function isOrganiser(role: Role | undefined): boolean {
  return role === "chair" || role === "coordinator";
}
