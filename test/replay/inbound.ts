import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the documented payloads live; SOURCES.md there says where each came from. */
export const INBOUND = join(import.meta.dirname, "..", "fixtures", "inbound");

/** A fresh copy of a documented payload (`slack/block-actions`), so a test may change it. */
export function documented<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(INBOUND, `${name}.json`), "utf8")) as T;
}

/** Every fixture, as `platform/name`. */
export function allDocumented(): string[] {
  return ["slack", "teams"].flatMap((platform) =>
    readdirSync(join(INBOUND, platform))
      .filter((f) => f.endsWith(".json"))
      .map((f) => `${platform}/${f.replace(/\.json$/, "")}`),
  );
}
