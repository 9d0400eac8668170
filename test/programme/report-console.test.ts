import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runProgram } from "../helpers/run-program.ts";

/** `npm run report` as package.json runs it, with only the bot's own settings. */
function report(databasePath: string, ...args: string[]) {
  return spawnSync("npm", ["run", "--silent", "report", "--", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: databasePath },
    encoding: "utf8",
    timeout: 90_000,
  });
}

// PRODUCT.md §14 the way a person does it: a programme set up and read in the local console
// (the real program), a workstream closed, then `npm run report` on the same database.
describe("a programme in the local console, then npm run report", () => {
  it("shows the lead the view (a closed workstream marked closed) and writes the page from the same database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cp-programme-"));
    const databasePath = join(dir, "bot.db");
    const script = [
      "/as @paula",
      "/in #board",
      "/programme setup Mental health programme",
      "/help",
      "/as @cora",
      "/programme add Medication safety",
      "/as @sam",
      "/programme",
      "/as @cora",
      "/in #medication-safety",
      "/workstream close",
      "/press Yes, close it",
      "/as @paula",
      "/in #board",
      "/programme",
    ].join("\n");
    const { code, stdout } = await runProgram({ DATABASE_PATH: databasePath }, script);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "*Mental health programme* is set up in this channel, and you are a programme lead.",
    );
    expect(stdout).toContain("This is the board's channel for *Mental health programme*.");
    expect(stdout).toContain("*Medication safety* is now part of *Mental health programme*.");
    expect(stdout).toContain("Only the programme's leads can do this.");
    expect(stdout).toContain("*Medication safety* (closed): 0 meetings held");

    const out = join(dir, "board.html");
    const wrote = report(databasePath, "--programme", "mental health programme", "--out", out);
    expect(wrote.status).toBe(0);
    expect(wrote.stdout).toContain(`Wrote ${out}`);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Mental health programme");
    expect(html).toContain("Medication safety (closed)");
    expect(html).not.toMatch(/<script/i);
    for (const name of ["Paula", "Cora", "Chris", "Sam", "Kim", "Omar", "Lee", "Tess"])
      expect(html).not.toContain(name);

    const unknown = report(databasePath, "--programme", "Nope");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no programme called "Nope".');
    const typo = report(databasePath, "--programm", "Nope");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--programm'. For example: npm run report -- --programme");
    expect(typo.stderr).not.toContain("    at ");
    // A mistyped DATABASE_PATH is said plainly, and no empty database is made there.
    const elsewhere = join(dir, "missing", "bot.db");
    const missing = report(elsewhere, "--programme", "Mental health programme");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`There is no database at ${elsewhere}.`);
    expect(existsSync(elsewhere)).toBe(false);
  }, 120_000);
});
