import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GROUPS, groupLabel } from "../../src/domain/roles.ts";
import { delivered } from "../helpers/core-commands.ts";
import { createHarness, type Harness, seedGroup } from "../helpers/harness.ts";

let h: Harness & { cleanup(): void };

beforeEach(async () => {
  h = createHarness();
  await seedGroup(h);
});
afterEach(() => h.cleanup());

describe("stakeholder groups in plain words", () => {
  it("has a plain label for every group, without dashes", () => {
    expect(GROUPS.map(groupLabel)).toEqual([
      "service users",
      "carers",
      "officials",
      "clinicians",
      "third sector",
      "independent",
      "other",
    ]);
  });

  it("lists members under 'Service users' and 'Carers', not the short names", async () => {
    const reply = await h.say("sam", "/workstream");
    expect(reply.text).toContain("Service users: Chris, Sam");
    expect(reply.text).toContain("Carers: Kim, Lee");
    expect(reply.text).not.toContain("service-user");
  });

  it("tells me my new group in plain words when I set it with the short name", async () => {
    const reply = await h.say("sam", "/workstream group <@sam|Sam> third-sector");
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe("Thanks — you're now in the third sector group.");
  });

  it("tells the coordinator who was added to which group in plain words", async () => {
    const reply = await h.say("cora", "/workstream add <@pat|Pat> as service-user");
    expect(reply.text).toContain("Added Pat to *Medication safety*, in the service users group.");
    const other = await h.say("cora", "/workstream group <@kim|Kim> clinician");
    expect(other.text).toBe("Kim is now in the clinicians group.");
  });
});

describe("support asked for 'other' reads as something else", () => {
  it("tells the coordinator 'support with something else', not 'other support'", async () => {
    await h.say("cora", "/workstream add <@pat|Pat>");
    await h.say("cora", "/workstream role <@pat|Pat> coordinator");
    await delivered(h);
    h.gateway.clear();
    await h.say("sam", "/support could someone ring me before the meeting");
    const sent = await delivered(h);
    const toPat = sent.find((s) => s.address === "test:pat")?.text ?? "";
    expect(toPat).toContain("Sam in *Medication safety* has asked for support with something else (S-1)");
    expect(toPat).not.toContain("other support");
    expect((await h.say("pat", "/support list")).text).toContain("S-1 (something else, ");
  });

  it("shows my own request as 'Something else', with no number I can't use", async () => {
    await h.say("sam", "/support could someone ring me before the meeting");
    const mine = await h.say("sam", "/support list");
    expect(mine.text).toContain(
      'Something else, Tuesday 1 December: "could someone ring me before the meeting" — open',
    );
    expect(mine.text).not.toContain("S-1");
  });
});
