import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

/** The DMs a person was shown, as printed by the console. */
function dmsTo(stdout: string, handle: string): string[] {
  return stdout.split("┌─ ").filter((box) => box.startsWith(`DM to @${handle}\n`));
}

describe("the local console (npm start with no settings)", () => {
  it("runs a whole workstream from piped commands: setup, members, a meeting, quiet, and the day-before DM", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");
    const script = [
      "/in #falls",
      "/workstream setup Falls prevention",
      "/workstream add @sam as service-user",
      "/workstream add @kim @omar as carer",
      "/workstream add @chris as clinician",
      "/workstream role @chris chair",
      "/meeting schedule next wednesday 2pm for 90m Falls review",
      "/as @kim",
      "/quiet until next month",
      "/as @sam",
      "/meeting cancel M-1",
      "/clock +8d",
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(code).toBe(0);
    expect(stdout).toContain("Common Purpose — local console");
    expect(stdout).toContain("*Falls prevention* is set up in this channel, and you are its coordinator.");
    expect(stdout).toMatch(/M-1 is booked: \*Falls review\*, Wednesday \d{1,2} \w+, 2pm to 3:30pm\./);
    // A member trying a chair-only command is refused, clearly and privately.
    expect(stdout).toContain("Only the chair or coordinator can cancel a meeting.");
    // The day-before DM reaches every member but the one who asked for quiet.
    for (const handle of ["cora", "chris", "sam", "omar"]) {
      const reminders = dmsTo(stdout, handle).filter((dm) =>
        dm.includes("a reminder that *Falls review* (M-1)"),
      );
      expect(reminders, `reminders to @${handle}`).toHaveLength(1);
    }
    expect(dmsTo(stdout, "kim").filter((dm) => dm.includes("a reminder that"))).toHaveLength(0);
    expect(dmsTo(stdout, "sam")[0]).toContain("Hi Sam");
  });

  it("keeps its data in DATABASE_PATH between runs, with the demo workstream seeded once", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");
    const first = await runProgram(
      { DATABASE_PATH: databasePath },
      "/meeting schedule next thursday 11am Planning\n",
    );
    expect(first.stdout).toContain('A demo workstream, "Medication safety", is ready');
    const second = await runProgram({ DATABASE_PATH: databasePath }, "/meeting list\n");
    expect(second.stdout).not.toContain("demo workstream");
    expect(second.stdout).toMatch(/M-1 \*Planning\* — Thursday/);
  });

  it("refuses to start with a bad setting, in one line naming it", async () => {
    const { code, stderr } = await runProgram({ PORT: "lots" }, "");
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "Common Purpose could not start: PORT is not valid: expected a port number from 1 to 65535.",
    );
  });
});
