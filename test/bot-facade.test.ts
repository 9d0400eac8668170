import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createHarness } from "./helpers/harness.ts";
import { ROOT } from "./helpers/run-program.ts";

/** Every .ts file under a folder of the repository. */
function sources(folder: string): string[] {
  const dir = join(ROOT, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

const offending = (files: string[], pattern: RegExp) =>
  files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => ({ where: `${relative(ROOT, file)}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => pattern.test(line)),
  );

describe("the bot facade is narrow", () => {
  it("is what createBot returns: commands, clicks, home, tick and delivery, and each adapter's own data — not the core", () => {
    const h = createHarness();
    try {
      expect(Object.keys(h.bot)).not.toContain("core");
      for (const name of ["command", "action", "home", "tick", "deliver", "firstSeen", "adapterData"])
        expect(typeof (h.bot as unknown as Record<string, unknown>)[name], name).toBe("function");
    } finally {
      h.cleanup();
    }
  });

  it("is all an adapter uses: no file in adapters/ reaches into bot.core", () => {
    expect(offending(sources("adapters"), /\bbot\.core\b|\.core\./)).toEqual([]);
  });

  it("leaves the core knowing no platform: no console branch in src/commands or src/use-cases", () => {
    expect(
      offending(
        [...sources("src/commands"), ...sources("src/use-cases")],
        /platform\s*[!=]==?\s*["']console["']/,
      ),
    ).toEqual([]);
  });
});
