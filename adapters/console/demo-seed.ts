import type { Group, Role } from "../../src/domain/roles.ts";
import { defaultSettings } from "../../src/domain/settings.ts";
import type { Store } from "../../src/ports/store.ts";

export const DEMO_CHANNEL = "console:#medication-safety";

/** The demo workstream's people: a chair, a coordinator, and members of several groups. */
export const DEMO_PEOPLE: Array<{ handle: string; name: string; role: Role; group: Group }> = [
  { handle: "cora", name: "Cora", role: "coordinator", group: "official" },
  { handle: "chris", name: "Chris", role: "chair", group: "clinician" },
  { handle: "sam", name: "Sam", role: "member", group: "service-user" },
  { handle: "kim", name: "Kim", role: "member", group: "carer" },
  { handle: "omar", name: "Omar", role: "member", group: "official" },
  { handle: "lee", name: "Lee", role: "member", group: "clinician" },
  { handle: "tess", name: "Tess", role: "member", group: "third-sector" },
];

/** Seeds "Medication safety" the first time the console runs on an empty database. */
export function seedDemo(store: Store, timezone: string, now: Date): boolean {
  if (store.workstreams.all().length > 0) return false;
  store.transaction(() => {
    const workstream = store.workstreams.create({
      name: "Medication safety",
      channel: DEMO_CHANNEL,
      settings: defaultSettings(timezone),
      now,
    });
    for (const p of DEMO_PEOPLE) {
      const key = `console:@${p.handle}`;
      const person = store.people.upsert({ key, name: p.name, dm: key });
      store.members.add({
        workstreamId: workstream.id,
        personId: person.id,
        role: p.role,
        group: p.group,
        now,
      });
    }
  });
  return true;
}
