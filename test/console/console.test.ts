import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runProgram } from "../helpers/run-program.ts";

/** The DMs a person was shown, as printed by the console (each stamped with when it arrived). */
function dmsTo(stdout: string, handle: string): string[] {
  return stdout.split("┌─ ").filter((box) => new RegExp(`^DM to @${handle}( \\[[^\\]]+\\])?\n`).test(box));
}

/** The console demo block in README.md, exactly as printed. */
function readmeDemo(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### The local console"));
  const block = /```\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error("README.md has no console demo block");
  return block[1];
}

const freshDatabase = () => join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");

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

  it("runs the README's demo block as printed: Sam answers the check-in and Chris gets the summary", async () => {
    const { code, stdout, stderr } = await runProgram({ DATABASE_PATH: freshDatabase() }, readmeDemo());
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).not.toContain("could not start");
    expect(stdout).toContain("Thanks, Sam — that's everything.");
    const summary = dmsTo(stdout, "chris").find((dm) => dm.includes("has closed"));
    expect(summary, "the chair's check-in summary").toBeDefined();
    expect(summary).toContain("1 of 6 members answered");
    // The comment kept its semicolon: the part after it carries on the same answer.
    expect(summary).toContain('"The papers came late; I had no time to read them"');
  });

  it("answers a line it cannot read in one plain line and carries on", async () => {
    const script = [
      "/clock +7d          (watch papers and reminders arrive)",
      "/clock banana",
      "/press 1",
      "/submit note=x",
      "/meeting schedule next thursday 11am Planning",
    ].join("\n");
    const { code, stdout, stderr } = await runProgram({ DATABASE_PATH: freshDatabase() }, script);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(/could not start|Error|at .*\.ts:\d+/);
    expect(stdout).toContain(
      '@cora> /clock +7d          (watch papers and reminders arrive)\nI couldn\'t read "+7d (watch papers and reminders arrive)" as a date. Try `/clock +3d` or `/clock 2026-12-10 09:00`.\n@cora> /clock banana\nI couldn\'t read "banana"',
    );
    expect(stdout).toContain("There is no form open. Press a button first.");
    expect(stdout).toMatch(/M-1 is booked: \*Planning\*/);
  });

  it("reads /submit as people write it: quoted semicolons, choice labels in any case, and refuses the rest", async () => {
    const script = [
      "/meeting schedule next wednesday 2pm for 90m Medication review",
      "/clock next wednesday 3pm",
      "/as @chris",
      "/meeting end",
      "/as @sam",
      "/press 1",
      "/press 1",
      "/press 1",
      "/press Nothing to add",
      "/press No, thanks",
      "/press Yes, ask for support",
      "/submit note=a; b",
      "/submit kind=banana; need=x",
      '/submit kind=ACCESSIBILITY; need="Large print; please"',
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: freshDatabase() }, script);
    expect(code).toBe(0);
    expect(stdout).toContain('This form has no field called "note". Try /submit kind=…; need=…');
    expect(stdout).toContain(
      '"What kind of support" can be Practical, Accessibility, Wellbeing, Something else. For example: /submit kind=Practical',
    );
    // The refusals left the form open; the third try reached the coordinator whole.
    const support = dmsTo(stdout, "cora").filter((dm) => dm.includes("asked for"));
    expect(support).toHaveLength(1);
    expect(support[0]).toContain('asked for accessibility support (S-1): "Large print; please"');
  });

  it("shows when each direct message arrived, by the console's clock", async () => {
    const script = [
      "/meeting schedule next wednesday 2pm for 90m Medication review",
      "/clock next wednesday 3pm",
      "/as @chris",
      "/meeting end",
    ].join("\n");
    const { stdout } = await runProgram({ DATABASE_PATH: freshDatabase() }, script);
    const checkIn = dmsTo(stdout, "sam").find((dm) => dm.includes("a short check-in"));
    expect(checkIn).toMatch(/^DM to @sam \[Wed \d{1,2} \w{3} 15:00\]\n/);
  });
});
