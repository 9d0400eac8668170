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
  // `import x from "…"`, `export … from "…"`, a bare `import "…"` and a dynamic `import("…")`.
  const statics = source.matchAll(/(?:^|\n)\s*(?:import|export)(?:[^;]*?from)?\s*["']([^"']+)["']/g);
  const dynamics = source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
  return [...statics, ...dynamics].map((m) => m[1] as string);
}

/** Where an import lands, relative to the repository root ("" for packages). */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? relative(ROOT, join(ROOT, file, "..", spec)) : "";
}

/**
 * What each part of src/ may import from the other parts: lower to higher, one way.
 * `domain` ← `messages` ← `ports` ← `outbox` ← `use-cases` ← `scheduling` rules and `commands`
 * ← `bot.ts` ← `main.ts`. A part missing from this table fails the build until it is placed.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  messages: ["domain"],
  ports: ["domain", "messages"],
  outbox: ["domain", "messages", "ports"],
  "use-cases": ["domain", "messages", "ports", "outbox"],
  scheduling: ["domain", "messages", "ports", "outbox", "use-cases"],
  commands: ["domain", "messages", "ports", "outbox", "use-cases"],
  "bot.ts": ["domain", "messages", "ports", "outbox", "use-cases", "scheduling", "commands"],
  "config.ts": [],
  "platform-adapter.ts": [],
  "main.ts": ["domain", "messages", "ports", "bot.ts", "config.ts", "platform-adapter.ts"],
};

/**
 * The packages the core may use: pure libraries, no I/O. Every other entry in package.json's
 * `dependencies` is an SDK or a tool, imported only by adapters/, scripts/ and src/main.ts.
 */
const PURE_LIBRARIES = ["zod", "luxon", "chrono-node"];
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const DEPENDENCIES = Object.keys(PACKAGE.dependencies);
const SDKS = DEPENDENCIES.filter((name) => !PURE_LIBRARIES.includes(name));

/** The package a bare import names: `@slack/bolt/dist/x` → `@slack/bolt`, `zod/v4` → `zod`. */
function packageOf(spec: string): string {
  const parts = spec.split("/");
  return (spec.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** The part of src/ a file belongs to: its folder, or the file itself at the top level. */
function partOf(path: string): string {
  return path.split("/")[1] ?? path;
}

/** Every import from one part of src/ into another, as `from → to` with the file that does it. */
function crossings(files: string[]): Array<{ from: string; to: string; file: string; spec: string }> {
  return files.flatMap((file) =>
    imports(file)
      .map((spec) => ({ spec, to: target(file, spec) }))
      .filter(({ to }) => to.startsWith("src/") && partOf(to) !== partOf(file))
      .map(({ spec, to }) => ({ from: partOf(file), to: partOf(to), file, spec })),
  );
}

/** A cycle in a graph of parts, as `a → b → a`, or undefined when there is none. */
function findCycle(edges: Map<string, Set<string>>): string | undefined {
  const done = new Set<string>();
  const visit = (node: string, path: string[]): string | undefined => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node].join(" → ");
    if (done.has(node)) return undefined;
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

const CORE = [
  "src/domain",
  "src/messages",
  "src/ports",
  "src/outbox",
  "src/use-cases",
  "src/scheduling",
  "src/commands",
];

describe("the architecture", () => {
  const src = filesUnder("src");
  const adapters = filesUnder("adapters");

  it("places every part of src/ in the table of allowed imports", () => {
    const unplaced = [...new Set(src.map(partOf))].filter((part) => !(part in MAY_IMPORT));
    expect(unplaced).toEqual([]);
  });

  it("imports only one way between the parts of src/", () => {
    const offenders = crossings(src)
      .filter(({ from, to }) => !MAY_IMPORT[from]?.includes(to))
      .map(({ from, to, file, spec }) => `${file} imports ${spec}: ${from} may not import ${to}`);
    expect(offenders).toEqual([]);
  });

  it("has no cycle between the parts of src/, in the table or in the code", () => {
    const allowed = new Map(Object.entries(MAY_IMPORT).map(([part, to]) => [part, new Set(to)]));
    const actual = new Map<string, Set<string>>();
    for (const { from, to } of crossings(src)) actual.set(from, (actual.get(from) ?? new Set()).add(to));
    expect(findCycle(allowed)).toBeUndefined();
    expect(findCycle(actual)).toBeUndefined();
  });

  it("keeps every SDK in package.json out of src/, except main.ts", () => {
    const offenders = src
      .filter((f) => f !== join("src", "main.ts"))
      .flatMap((f) =>
        imports(f)
          .filter((i) => SDKS.includes(packageOf(i)))
          .map((i) => `${f} imports ${i}, an SDK (not in PURE_LIBRARIES)`),
      );
    expect(offenders).toEqual([]);
  });

  it("lets the core import only Node's own modules and the pure libraries it declares", () => {
    // A package reached through an SDK (botframework-connector, express) is no purer than the SDK.
    const offenders = src
      .filter((f) => CORE.some((dir) => f.startsWith(dir)))
      .flatMap((f) =>
        imports(f)
          .filter((i) => !i.startsWith(".") && !i.startsWith("node:"))
          .filter((i) => !(PURE_LIBRARIES.includes(packageOf(i)) && DEPENDENCIES.includes(packageOf(i))))
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

  it("keeps use cases on typed input: they never import commands/ nor split command text", () => {
    const offenders = src
      .filter((f) => f.startsWith(join("src", "use-cases")))
      .flatMap((f) => {
        const source = readFileSync(join(ROOT, f), "utf8");
        return [
          ...imports(f)
            .filter((i) => target(f, i).startsWith(join("src", "commands")))
            .map((i) => `${f} imports ${i}`),
          ...(/\b(words|readMention|takeMentions|parseWhen|parseWhenPrefix|parseDuration)\(/.test(source)
            ? [`${f} reads command text`]
            : []),
        ];
      });
    expect(offenders).toEqual([]);
  });

  it("can tell a violation when it sees one", () => {
    // Guards the checks above against a regex that silently matches nothing.
    expect(imports("src/main.ts").some((i) => target("src/main.ts", i).startsWith("adapters"))).toBe(true);
    expect(imports("adapters/sqlite/open.ts").some((i) => SDKS.includes(packageOf(i)))).toBe(true);
    expect(SDKS).toEqual(
      expect.arrayContaining(["@slack/bolt", "botbuilder", "better-sqlite3", "node-cron", "pino"]),
    );
    expect(crossings(["src/bot.ts"]).map(({ to }) => to)).toContain("use-cases");
    expect(
      findCycle(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["a"])],
        ]),
      ),
    ).toBe("a → b → a");
  });
});
