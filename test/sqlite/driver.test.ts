import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DRIVER, openDatabase } from "../../adapters/sqlite/open.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the SQLite driver seam", () => {
  it("uses better-sqlite3 13 on Node 22 and later, and 12 on Node 20", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(DRIVER).toBe(major >= 22 ? "better-sqlite3-13" : "better-sqlite3");
    const db = openDatabase(":memory:");
    expect(db.prepare("SELECT 1 + 1 AS two").get()).toEqual({ two: 2 });
    db.close();
  });

  it("is the only place that loads a SQLite package (types may be imported anywhere)", () => {
    const loaders = ["src", "adapters", "test", "bench", "scripts"]
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) =>
        /^import (?!type )[^;]*from "better-sqlite3(-13)?";/m.test(readFileSync(file, "utf8")),
      )
      .map((file) => relative(ROOT, file));
    expect(loaders).toEqual([]);
  });
});
