import { agendaCommands } from "./agenda-commands.ts";
import { checkinCommands } from "./checkin-commands.ts";
import { decisionCommands } from "./decision-commands.ts";
import { digestCommands } from "./digest-commands.ts";
import { dissentCommands } from "./dissent-commands.ts";
import { glossaryCommands } from "./glossary-commands.ts";
import { groundrulesCommands } from "./groundrules-commands.ts";
import { meetingCommands } from "./meeting-commands.ts";
import { mineCommands } from "./mine-commands.ts";
import { oneToOneCommands } from "./one-to-one-commands.ts";
import { papersCommands } from "./papers-commands.ts";
import { parkingCommands } from "./parking-commands.ts";
import { programmeCommands } from "./programme-commands.ts";
import { quietCommands } from "./quiet-commands.ts";
import { reviewCommands } from "./review-commands.ts";
import type { CommandSpec } from "./spec.ts";
import { supportCommands } from "./support-commands.ts";
import { workstreamCommands } from "./workstream-commands.ts";

/**
 * Every command the bot understands, in the order /help lists them. Each verb is also a Slack
 * slash command (see adapters/slack/manifest.yml), plus the umbrella `/commonpurpose` and `/help`.
 */
export const COMMANDS: CommandSpec[] = [
  ...workstreamCommands,
  ...meetingCommands,
  ...papersCommands,
  ...agendaCommands,
  ...checkinCommands,
  ...supportCommands,
  ...dissentCommands,
  ...parkingCommands,
  ...glossaryCommands,
  ...oneToOneCommands,
  ...digestCommands,
  ...quietCommands,
  ...mineCommands,
  ...decisionCommands,
  ...groundrulesCommands,
  ...reviewCommands,
  ...programmeCommands,
];

/** The umbrella command: `/commonpurpose <verb> …` runs any verb (Slack commands are not namespaced). */
export const UMBRELLA = "commonpurpose";

/** The verbs, each of which is its own slash command. */
export const VERBS: string[] = [...new Set(COMMANDS.map((c) => c.verb)), "help"];
