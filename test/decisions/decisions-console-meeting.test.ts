import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../helpers/run-program.ts";

describe("decisions in the local console, in a meeting and brought to the next", () => {
  it("records a decision in the meeting under way, refuses bad input without exiting, and the log says when an outside one was brought to the group", async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), "cp-console-dec2-")), "demo.db");
    const script = [
      "/in #falls",
      "/workstream setup Falls prevention",
      "/workstream add @sam as service-user",
      "/workstream add @chris as clinician",
      "/workstream role @chris chair",
      "/clock 2026-12-07 09:00",
      "/meeting schedule 2026-12-08 14:00 for 2h Falls review",
      "/meeting schedule 2026-12-15 14:00 for 2h Planning",
      "/as @sam",
      "/dissent Tuesdays are hard for carers",
      "/as @chris",
      "/decision Papers go out in large print dissent 4",
      "/decision The trust pays for taxis outside",
      "/clock 2026-12-08 15:00",
      "/decision Meetings stay on Tuesdays dissent D-1",
      "/clock 2026-12-08 17:00",
      "/as @sam",
      "/decision list",
      "/outcomes",
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(code).toBe(0);
    expect(stdout).toContain('I couldn\'t read "4" as a dissent number');
    expect(stdout).not.toContain('"Papers go out in large print dissent 4"');
    expect(stdout).toContain('DC-1 is recorded: "The trust pays for taxis", made outside a meeting');
    expect(stdout).toContain(
      'DC-2 is recorded: "Meetings stay on Tuesdays", made at M-1 *Falls review* on Tuesday 8 December',
    );
    expect(stdout).toContain("Your view (D-1) is recorded alongside it");
    expect(stdout).toContain("brought to the group at M-1 *Falls review* on Tuesday 8 December");
    expect(stdout).toContain('D-1 "Tuesdays are hard for carers": Decided (DC-2)');
  });
});
