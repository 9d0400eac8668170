import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

function dmsTo(stdout: string, handle: string): string[] {
  return stdout.split("┌─ ").filter((box) => new RegExp(`^DM to @${handle}( \\[[^\\]]+\\])?\n`).test(box));
}

const evaluate = (who: string, score: number, lesson: string) => [
  `/as @${who}`,
  "/in dm",
  "/press Answer the evaluation",
  `/submit progress=${score}; clarity=${score}; voice=${score}; disagreements=${score}; decisions=${score}; support=${score}; learnComment=${lesson}`,
];

describe("agreeing ground rules and closing a workstream in the local console", () => {
  it("posts an agreed rule, welcomes a newcomer with it, closes, takes the evaluation, and /help offers only what still works", async () => {
    const script = [
      "/as @chris",
      "/groundrules set 3 We listen first and park what we can't settle",
      "/as @cora",
      "/workstream add @newbie",
      "/workstream close",
      "/press Yes, close it",
      ...evaluate("sam", 5, "Start earlier"),
      ...evaluate("kim", 4, "More breaks"),
      ...evaluate("omar", 2, "Pay people on time"),
      ...evaluate("chris", 1, "The chair needed a deputy"),
      "/as @chris",
      "/in #medication-safety",
      "/help",
      "/groundrules set 1 Tea first",
      "/clock +8d",
    ].join("\n");
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");
    const { code, stdout, stderr } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "The group has agreed a ground rule. 3. How will we deal with differences of opinion?",
    );
    const welcome = dmsTo(stdout, "newbie").find((dm) => dm.includes("Welcome."));
    expect(welcome).toContain("We listen first and park what we can't settle");
    expect(welcome).toContain("Chris is the chair.");
    expect(stdout).toContain("*Medication safety* has closed, so nothing in it can be changed.");
    const help = stdout.slice(stdout.indexOf("@chris> /help"), stdout.indexOf("@chris> /groundrules set 1"));
    expect(help).toContain("/groundrules [<1-9>]");
    expect(help).not.toContain("/meeting schedule");
    expect(help).not.toContain("/review start");
    expect(stdout).toContain("Medication safety was closed on");
    const chair = dmsTo(stdout, "chris").find((dm) => dm.includes("has closed:"));
    expect(chair, "the chair's evaluation summary").toBeDefined();
    expect(chair).toContain('"Start earlier"');
    expect(chair).not.toContain("The chair needed a deputy");
    const coordinator = dmsTo(stdout, "cora").find((dm) => dm.includes("has closed:"));
    expect(coordinator).toContain('"The chair needed a deputy"');
    expect(coordinator).not.toMatch(/Sam|Kim|Omar|Chris:/);
  }, 60_000);
});
