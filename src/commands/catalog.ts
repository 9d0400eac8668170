import { meetingCommands } from "./meeting-commands.ts";
import { quietCommands } from "./quiet-commands.ts";
import type { CommandSpec } from "./spec.ts";
import { workstreamCommands } from "./workstream-commands.ts";

/**
 * Every command the bot understands, in the order /help lists them. Each verb is also a Slack
 * slash command (see adapters/slack/manifest.yml), plus the umbrella `/commonpurpose` and `/help`.
 */
export const COMMANDS: CommandSpec[] = [...workstreamCommands, ...meetingCommands, ...quietCommands];

/** The umbrella command: `/commonpurpose <verb> …` runs any verb (Slack commands are not namespaced). */
export const UMBRELLA = "commonpurpose";

/** The verbs, each of which is its own slash command. */
export const VERBS: string[] = [...new Set(COMMANDS.map((c) => c.verb)), "help"];
