import { cancelMeeting } from "../use-cases/cancel-meeting.ts";
import { endMeeting } from "../use-cases/end-meeting.ts";
import { listMeetings } from "../use-cases/list-meetings.ts";
import { type MoveInput, moveMeeting } from "../use-cases/move-meeting.ts";
import { type PlaceInput, placeMeeting } from "../use-cases/place-meeting.ts";
import { type RenameInput, renameMeeting } from "../use-cases/rename-meeting.ts";
import { type RepeatInput, repeatMeeting } from "../use-cases/repeat-meeting.ts";
import { type ScheduleInput, scheduleMeeting } from "../use-cases/schedule-meeting.ts";
import {
  MOVE_EXAMPLE,
  PLACE_EXAMPLE,
  RENAME_EXAMPLE,
  REPEAT_EXAMPLE,
  readMove,
  readPlace,
  readRename,
  readRepeat,
} from "./meeting-change-input.ts";
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
  readOnly: () => true,
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

const place: CommandSpec<PlaceInput> = {
  verb: "meeting",
  sub: "place",
  usage: "/meeting place <M-n> <link or place>",
  example: PLACE_EXAMPLE,
  summary: "say where a meeting is: a video link or a room",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse: readPlace,
  run: (core, ctx, input) => placeMeeting(core, inWorkstream(ctx), input),
};

const move: CommandSpec<MoveInput> = {
  verb: "meeting",
  sub: "move",
  usage: "/meeting move <M-n> <when> [for <duration>]",
  example: MOVE_EXAMPLE,
  summary: "move a meeting to a new time (members get one message)",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse: readMove,
  run: (core, ctx, input) => moveMeeting(core, inWorkstream(ctx), input),
};

const rename: CommandSpec<RenameInput> = {
  verb: "meeting",
  sub: "rename",
  usage: "/meeting rename <M-n> <title>",
  example: RENAME_EXAMPLE,
  summary: "give a meeting a new title",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse: readRename,
  run: (core, ctx, input) => renameMeeting(core, inWorkstream(ctx), input),
};

const repeat: CommandSpec<RepeatInput> = {
  verb: "meeting",
  sub: "repeat",
  usage: "/meeting repeat <M-n> every <2 weeks|4 weeks|month> [until <date>|<n> times]",
  example: REPEAT_EXAMPLE,
  summary: "book the same meeting again and again (at most 12 at once)",
  who: "organisers",
  topic: "Before a meeting",
  needsWorkstream: true,
  parse: readRepeat,
  run: (core, ctx, input) => repeatMeeting(core, inWorkstream(ctx), input),
};

export const meetingCommands: CommandSpec[] = [schedule, list, cancel, end, place, move, rename, repeat];
