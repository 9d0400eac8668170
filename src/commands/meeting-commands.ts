import { cancelMeeting } from "../use-cases/cancel-meeting.ts";
import { endMeeting } from "../use-cases/end-meeting.ts";
import { listMeetings } from "../use-cases/list-meetings.ts";
import { type ScheduleInput, scheduleMeeting } from "../use-cases/schedule-meeting.ts";
import { readSchedule } from "./meeting-input.ts";
import { words } from "./mentions.ts";
import { type CommandSpec, inWorkstream, nothingMore, optionalId, usageError } from "./spec.ts";

const schedule: CommandSpec<ScheduleInput> = {
  verb: "meeting",
  sub: "schedule",
  usage: "/meeting schedule <when> [for <duration>] [<title>]",
  example: "/meeting schedule next tuesday 2pm for 90m Medication safety",
  summary: "book a meeting (2 hours unless you say)",
  who: "organisers",
  needsWorkstream: true,
  parse: readSchedule,
  run: (core, ctx, input) => scheduleMeeting(core, inWorkstream(ctx), input),
};

const list: CommandSpec = {
  verb: "meeting",
  sub: "list",
  usage: "/meeting list",
  example: "/meeting list",
  summary: "the meetings coming up",
  who: "members",
  needsWorkstream: true,
  parse: (args) => nothingMore(list, args),
  run: (core, ctx) => listMeetings(core, inWorkstream(ctx)),
};

const cancel: CommandSpec<string> = {
  verb: "meeting",
  sub: "cancel",
  usage: "/meeting cancel <M-n>",
  example: "/meeting cancel M-3",
  summary: "cancel a meeting (members are told, reminders stop)",
  who: "organisers",
  needsWorkstream: true,
  parse(args) {
    const list = words(args);
    if (list.length !== 1) usageError(cancel, "Please name one meeting.");
    return list[0] as string;
  },
  run: (core, ctx, id) => cancelMeeting(core, inWorkstream(ctx), id),
};

const end: CommandSpec<string> = {
  verb: "meeting",
  sub: "end",
  usage: "/meeting end [<M-n>]",
  example: "/meeting end M-3",
  summary: "say the meeting has finished now",
  who: "chair",
  needsWorkstream: true,
  parse: (args) => optionalId(end, args),
  run: (core, ctx, id) => endMeeting(core, inWorkstream(ctx), id),
};

export const meetingCommands: CommandSpec[] = [schedule, list, cancel, end];
