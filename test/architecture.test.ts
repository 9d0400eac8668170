import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  // Static imports and re-exports, and dynamic `import("…")` (main.ts loads platform SDKs lazily).
  return [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
}

/** Where an import lands, relative to the repository root ("" for packages). */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? relative(ROOT, join(ROOT, file, "..", spec)) : "";
}

const SDKS = /^(@slack\/|botbuilder|botframework-|better-sqlite3|node-cron|pino|express)/;
const CORE = ["src/domain", "src/messages", "src/commands", "src/use-cases", "src/scheduling", "src/ports"];

describe("the architecture", () => {
  const src = filesUnder("src");
  const adapters = filesUnder("adapters");

  it("keeps SDKs out of the core", () => {
    const offenders = src
      .filter((f) => CORE.some((dir) => f.startsWith(dir)))
      .flatMap((f) =>
        imports(f)
          .filter((i) => SDKS.test(i))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("lets only src/main.ts import adapters", () => {
    const offenders = src
      .filter((f) => f !== join("src", "main.ts"))
      .flatMap((f) =>
        imports(f)
          .filter((i) => target(f, i).startsWith("adapters"))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("never lets one adapter import another", () => {
    const offenders = adapters.flatMap((f) => {
      const own = f.split("/")[1];
      return imports(f)
        .map((i) => target(f, i))
        .filter((t) => t.startsWith("adapters/") && t.split("/")[1] !== own)
        .map((t) => `${f} imports ${t}`);
    });
    expect(offenders).toEqual([]);
  });

  it("reads process.env only in src/config.ts", () => {
    const offenders = [...src, ...adapters].filter(
      (f) => f !== join("src", "config.ts") && readFileSync(join(ROOT, f), "utf8").includes("process.env"),
    );
    expect(offenders).toEqual([]);
  });

  it("never reads the wall clock in the core", () => {
    const offenders = src
      .filter((f) => CORE.some((dir) => f.startsWith(dir)))
      .filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps files small", () => {
    const long = [...src, ...adapters]
      .map((f) => ({ f, lines: readFileSync(join(ROOT, f), "utf8").split("\n").length }))
      .filter(({ lines }) => lines > 400)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it("can tell a violation when it sees one", () => {
    // Guards the checks above against a regex that silently matches nothing.
    expect(imports("src/main.ts").some((i) => target("src/main.ts", i).startsWith("adapters"))).toBe(true);
    expect(imports("adapters/sqlite/open.ts").some((i) => SDKS.test(i))).toBe(true);
  });
});
