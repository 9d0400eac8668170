import { pino } from "pino";
import type { Logger } from "../../src/ports/logger.ts";

/**
 * JSON logs through pino. Our own fields are ids only; redaction is the second line of defence
 * for anything an SDK error drags in (tokens, secrets, message text).
 */
export function createPinoLogger(level: string, destination: pino.DestinationStream | number = 2): Logger {
  const destinationStream = typeof destination === "number" ? pino.destination(destination) : destination;
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          "token",
          "*.token",
          "secret",
          "*.secret",
          "password",
          "*.password",
          "text",
          "*.text",
          "authorization",
          "*.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destinationStream,
  );
}
