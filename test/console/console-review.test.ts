import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

function dmsTo(stdout: string, handle: string): string[] {
  return stdout.split("┌─ ").filter((box) => new RegExp(`^DM to @${handle}( \\[[^\\]]+\\])?\n`).test(box));
}

const answer = (who: string, task: number, process: number, extra = "") => [
  `/as @${who}`,
  "/press Answer the review",
  `/submit progress=${task}; clarity=${task}; voice=${process}; disagreements=${process}; decisions=${process}; support=${process}${extra}`,
];

describe("a review in the local console", () => {
  it("Chris starts it, four members answer anonymously with /press and /submit, and after a week Chris's summary names no one", async () => {
    const script = [
      "/as @chris",
      "/in #medication-safety",
      "/review start",
      ...answer("sam", 5, 4, '; taskComment="Clear plan; good notes"'),
      ...answer("kim", 4, 4),
      ...answer("omar", 2, 3),
      ...answer("lee", 3, 1),
      ...answer("chris", 1, 1, "; processComment=Only the chair wrote this"),
      "/as @chris",
      "/in #medication-safety",
      "/review summary",
      "/clock +7d",
    ].join("\n");
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");
    const { code, stdout, stderr } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("I've sent it privately to 7 people, you included");
    expect(stdout).toContain("Thank you, Sam. Your answers are in.");
    expect(stdout).toContain("5 of 7 have answered");
    const summary = dmsTo(stdout, "chris").find((dm) => dm.includes("has closed"));
    expect(summary, "the chair's review summary").toBeDefined();
    expect(summary).toContain("5 of 7 answered");
    // Sam, Kim, Omar and Lee: 4 people, 8 task answers, 4 of them 4 or 5; Chris's own left out.
    expect(summary).toContain("4 of 8 answers were 4 or 5 out of 5 (50%)");
    expect(summary).toContain('"Clear plan; good notes"');
    expect(summary).not.toMatch(/Sam:|Kim:|Omar:|Lee:/);
    expect(summary).not.toContain("Only the chair wrote this");
  }, 60_000);
});
