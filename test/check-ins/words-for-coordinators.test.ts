import { afterEach, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

// Cora (coordinator), Chris (chair), members Sam, Kim and Lee. The meeting is Tuesday
// 1 December, 11am to noon; its check-in opens at noon and the reminder comes a day later.
async function checkInOpen(options: { secondCoordinator?: boolean } = {}) {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  if (options.secondCoordinator) {
    await h.say("cora", "/workstream add <@pat|Pat>");
    await h.say("cora", "/workstream role <@pat|Pat> coordinator");
  }
  await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Budget");
  await h.bot.deliver();
  h.gateway.clear();
  h.clock.set("2026-12-01T12:00:00Z");
  await h.bot.tick();
}

const checkInTo = (who: string) =>
  h.gateway.to(`test:${who}`).find((s) => s.text.includes("a short check-in after"))?.text ?? "";

describe("the check-in, written for a coordinator", () => {
  it("doesn't tell a coordinator 'the coordinator sees totals only' as if it were someone else", async () => {
    await checkInOpen();
    const cora = checkInTo("cora");
    expect(cora).toContain("Coordinators, like you, see totals only.");
    expect(cora).not.toContain("the coordinator sees totals only");
    expect(checkInTo("sam")).toContain("the coordinator sees totals only");
  });

  it("tells a coordinator their support request goes to the other coordinator, by name", async () => {
    await checkInOpen({ secondCoordinator: true });
    const drive = checkInDriver(h);
    drive.look();
    drive.answer("cora", ["Yes", "Fully", "Yes", "Nothing to add", "No"]);
    expect(drive.screen("cora")).toContain(
      "A support request goes straight to Pat (coordinator), with your name, so they can help.",
    );
    drive.answer("sam", ["Yes", "Fully", "Yes", "Nothing to add", "No"]);
    expect(drive.screen("sam")).toContain("A support request goes straight to the coordinator");
  });

  it("writes the check-in reminder for a coordinator too", async () => {
    await checkInOpen();
    h.clock.set("2026-12-02T12:00:00Z");
    await h.bot.tick();
    const reminder = h.gateway.to("test:cora").find((s) => s.text.includes("gentle reminder"))?.text ?? "";
    expect(reminder).toContain("Coordinators, like you, see totals only.");
    expect(reminder).not.toContain("the coordinator sees totals only");
  });

  it("sends the chair no check-in at all (they get the summary)", async () => {
    await checkInOpen();
    expect(checkInTo("chris")).toBe("");
  });
});
