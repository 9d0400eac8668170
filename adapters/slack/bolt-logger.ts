import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/ports/logger.ts";

const TOKEN = /xox[a-z]-[\w-]+|xapp-[\w-]+/gi;

/**
 * Bolt and the Web API client log free-form strings and whole error objects, which may carry
 * request bodies. Only their warnings and errors are passed on, as one short line with anything
 * token-shaped removed; debug and info chatter is dropped.
 */
export function createBoltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const line = (parts: unknown[]) =>
    parts
      .filter((p): p is string => typeof p === "string")
      .join(" ")
      .replace(TOKEN, "[token]")
      .slice(0, 300);
  return {
    debug() {},
    info() {},
    warn: (...parts: unknown[]) => log.warn({ source: "bolt", detail: line(parts) }, "slack sdk warning"),
    error: (...parts: unknown[]) => log.error({ source: "bolt", detail: line(parts) }, "slack sdk error"),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}
