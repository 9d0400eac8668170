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

/** The words people read for each group; commands still take the short names above. */
const GROUP_LABELS: Record<Group, string> = {
  "service-user": "service users",
  carer: "carers",
  official: "officials",
  clinician: "clinicians",
  "third-sector": "third sector",
  independent: "independent",
  other: "other",
};

/** "service users" for `service-user`: how a group is shown to a person, everywhere. */
export function groupLabel(group: Group): string {
  return GROUP_LABELS[group];
}

/** Chairs and coordinators run a workstream; most management commands need one of them. */
export function isOrganiser(role: Role | undefined): boolean {
  return role === "chair" || role === "coordinator";
}
