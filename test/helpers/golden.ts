import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { em, rich } from "../../src/domain/rich-text.ts";
import type { Message } from "../../src/messages/message.ts";

/**
 * Compares with test/fixtures/<platform>/<name>.json; UPDATE_GOLDEN=1 rewrites it (then review
 * the diff by eye: the golden files are what each platform is sent).
 */
export function expectGolden(platform: "slack" | "teams", name: string, actual: unknown): void {
  const dir = new URL(`../fixtures/${platform}/`, import.meta.url);
  const file = new URL(`${name}.json`, dir);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, json);
  }
  if (!existsSync(file))
    throw new Error(`missing golden file ${name}.json: run with UPDATE_GOLDEN=1 and review it`);
  expect(json).toBe(readFileSync(file, "utf8"));
}

/** The day-before reminder, as every renderer's first golden case. */
export const sampleReminder: Message = {
  text: rich`Hi Sam — a reminder that ${em("Budget review")} (M-1) is on Wednesday 9 December, 9am.`,
  blocks: [
    {
      kind: "text",
      text: rich`Hi Sam — a reminder that ${em("Budget review")} (M-1) is on Wednesday 9 December, 9am.`,
    },
    { kind: "text", text: "Can you come? Letting the chair know helps them plan." },
    {
      kind: "buttons",
      buttons: [
        { action: "meeting.attending", label: "I'll be there", value: "7", style: "primary" },
        { action: "meeting.apologies", label: "I can't make it", value: "7" },
      ],
    },
  ],
};
