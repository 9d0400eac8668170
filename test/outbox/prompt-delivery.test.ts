import { afterEach, describe, expect, it, vi } from "vitest";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

describe("prompt delivery", () => {
  it("sends what a command queued without waiting for the next tick", async () => {
    h = createHarness();
    await seedGroup(h);
    await h.say("cora", "/workstream add <@ana|Ana>");
    // Nothing calls tick() or deliver(): the bot itself wakes the sender after the command.
    await vi.waitFor(() => expect(h.gateway.to("test:ana")).toHaveLength(1));
    expect(h.gateway.to("test:ana")[0]?.text).toContain("Welcome");
  });
});
