import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

describe("decisions in the local console", () => {
  it("records an outside decision with dissent, brings it to a meeting, and a member reads the log and /outcomes", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-dec-")), "demo.db");
    const script = [
      "/in #falls",
      "/workstream setup Falls prevention",
      "/workstream add @sam as service-user",
      "/workstream add @kim as carer",
      "/workstream add @chris as clinician",
      "/workstream role @chris chair",
      "/meeting schedule next wednesday 2pm for 90m Falls review",
      "/as @sam",
      "/dissent Wednesdays are hard for carers",
      "/as @chris",
      "/decision Transport is paid from January dissent D-1 outside",
      "/decision bring DC-1 M-1",
      "/as @kim",
      "/decision list",
      "/outcomes",
      "/agenda M-1",
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(code).toBe(0);
    expect(stdout).toContain('DC-1 is recorded: "Transport is paid from January", made outside a meeting');
    expect(stdout).toContain("Decision DC-1, made outside a meeting (recorded by Chris)");
    expect(stdout).toContain("Your view (D-1) is recorded alongside it");
    expect(stdout).toContain("is on the agenda for M-1 *Falls review*");
    expect(stdout).toContain("The decision log for *Falls prevention* (1)");
    expect(stdout).toContain('D-1 "Wednesdays are hard for carers": Decided (DC-1)');
    expect(stdout).toContain("DC-1 *Transport is paid from January* (a decision made outside a meeting");
  });
});
