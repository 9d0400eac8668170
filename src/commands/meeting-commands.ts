import { cancelMeeting } from "../use-cases/cancel-meeting.ts";
import { endMeeting } from "../use-cases/end-meeting.ts";
import { listMeetings } from "../use-cases/list-meetings.ts";
import { scheduleMeeting } from "../use-cases/schedule-meeting.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, usageError } from "./spec.ts";

const schedule: CommandSpec = {
  verb: "meeting",
  sub: "schedule",
  usage: "/meeting schedule <when> [for <duration>] [<title>]",
  example: "/meeting schedule next tuesday 2pm for 90m Medication safety",
  summary: "book a meeting (2 hours unless you say)",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    if (!args.trim()) usageError(schedule, "Please say when the meeting is.");
    return scheduleMeeting(core, inWorkstream(ctx), args);
  },
};

const list: CommandSpec = {
  verb: "meeting",
  sub: "list",
  usage: "/meeting list",
  example: "/meeting list",
  summary: "the meetings coming up",
  who: "members",
  needsWorkstream: true,
  run: (core, ctx) => listMeetings(core, inWorkstream(ctx)),
};

const cancel: CommandSpec = {
  verb: "meeting",
  sub: "cancel",
  usage: "/meeting cancel <M-n>",
  example: "/meeting cancel M-3",
  summary: "cancel a meeting (members are told, reminders stop)",
  who: "organisers",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length !== 1) usageError(cancel, "Please name one meeting.");
    return cancelMeeting(core, inWorkstream(ctx), list[0] as string);
  },
};

const end: CommandSpec = {
  verb: "meeting",
  sub: "end",
  usage: "/meeting end [<M-n>]",
  example: "/meeting end M-3",
  summary: "say the meeting has finished now",
  who: "chair",
  needsWorkstream: true,
  run(core, ctx, args) {
    const list = words(args);
    if (list.length > 1) usageError(end, "Name at most one meeting.");
    return endMeeting(core, inWorkstream(ctx), list[0] ?? "");
  },
};

export const meetingCommands: CommandSpec[] = [schedule, list, cancel, end];
