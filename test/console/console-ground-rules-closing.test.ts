import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

describe("ground rules and closing in the local console", () => {
  it("answers the ground-rules form with /submit, and presses the confirm button of /workstream close", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-")), "demo.db");
    const script = [
      "/as @chris",
      "/groundrules ask",
      "/as @sam",
      "/in dm",
      "/press Answer the questions",
      "/submit q2=Take turns; share=anonymous",
      "/as @cora",
      "/in #medication-safety",
      "/workstream close",
      "/press Yes, close it",
      "/meeting schedule next tuesday 2pm Planning",
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(code).toBe(0);
    expect(stdout).toContain("Fill it in with /submit q1=…; q2=…");
    expect(stdout).toContain(
      "Your answers will go to the chairs when the questions close, without your name.",
    );
    expect(stdout).toContain("*Medication safety* is closed. I've posted a note in the channel.");
    expect(stdout).toContain("*Medication safety* has now closed. Thank you, everyone");
    expect(stdout).toContain("Medication safety was closed on");
  });
});
