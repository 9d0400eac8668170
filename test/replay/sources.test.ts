import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allDocumented, documented, INBOUND } from "./inbound.ts";

describe("the documented inbound payloads", () => {
  const sources = readFileSync(join(INBOUND, "SOURCES.md"), "utf8");

  it("each say where they were copied from", () => {
    const fixtures = allDocumented();
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const name of fixtures) expect(sources, `${name} in SOURCES.md`).toContain(`\`${name}.json\``);
  });

  it("are plain JSON objects, as the platforms send them", () => {
    for (const name of allDocumented()) {
      const payload = documented(name);
      expect(typeof payload, name).toBe("object");
      expect(Array.isArray(payload), name).toBe(false);
    }
  });
});
