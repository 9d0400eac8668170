import { afterEach, describe, expect, it } from "vitest";
import { createHarness } from "../helpers/harness.ts";

describe("a list of people", () => {
  let h: ReturnType<typeof createHarness>;
  afterEach(() => h.cleanup());

  it("may be written with commas between the mentions, as a console list with @handles always could", async () => {
    h = createHarness();
    await h.say("cora", "/workstream setup Medication safety");
    const added = await h.say("cora", "/workstream add <@sam|Sam>, <@kim|Kim> as carer");
    expect(added.error).toBeUndefined();
    const workstream = h.store.workstreams.byChannel(h.channel);
    const kim = h.store.people.byKey("test:kim");
    const sam = h.store.people.byKey("test:sam");
    if (!workstream || !kim || !sam) throw new Error("not added");
    expect(h.store.members.get(workstream.id, sam.id)?.group).toBe("carer");
    expect(h.store.members.get(workstream.id, kim.id)?.group).toBe("carer");
  });
});
