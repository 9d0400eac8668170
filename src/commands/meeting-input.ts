import { refuse } from "../domain/errors.ts";
import { code, rich, type Text } from "../domain/rich-text.ts";
import { quoteBack, readText } from "../domain/text.ts";
import { DURATION_RANGE, parseWhenPrefix, readDurationPrefix, unrealWhen } from "../domain/time.ts";
import type { ScheduleInput } from "../use-cases/schedule-meeting.ts";
import { capitalise } from "./clauses.ts";
import type { ParseContext } from "./spec.ts";

const EXAMPLE = [code("/meeting schedule next tuesday 2pm for 90m Medication safety")];
const LENGTHS = rich`${code("for 90m")}, ${code("for 1h30m")} or ${code("for 2 hours")}`;
const DEFAULT_MINUTES = 120;

/**
 * Reads `<when> [for <duration>] [<title>]` completely: the date and time of day, then a length
 * if the next word is `for` (a `for` that is not followed by a length is refused, never folded
 * into the title), then the title, cleaned and within its limit.
 */
export function readSchedule(args: string, at: ParseContext): ScheduleInput {
  const text = args.trim();
  if (!text) refuse("meeting.schedule", rich`Please say when the meeting is. For example: ${EXAMPLE}.`);
  const when = parseWhenPrefix(text, at.zone, at.now);
  if (!when) {
    const why = unrealWhen(text);
    refuse(
      "meeting.when",
      why
        ? rich`${capitalise(why)}. For example: ${EXAMPLE}.`
        : rich`I couldn't tell when the meeting is. Try ${EXAMPLE}, or a date like ${code("2026-12-10 14:00")}.`,
    );
  }
  if (!when.hasTime) refuse("meeting.time", missingTime(text, when.rest));

  let rest = when.rest;
  let minutes: number | undefined;
  const lead = /^for(?:\s+|$)/i.exec(rest);
  if (lead) {
    const read = readDuration(rest.slice(lead[0].length));
    minutes = read.minutes;
    rest = read.rest;
  } else {
    // "Planning for 2 hours": a length at the very end is read as the length too.
    const tail = /\s+for\s+(\S+(?:\s+\S+){0,3})$/i.exec(rest);
    const read = tail?.[1] ? readDurationPrefix(tail[1]) : undefined;
    if (tail && read?.kind === "ok" && read.rest === "") {
      minutes = read.minutes;
      rest = rest.slice(0, tail.index);
    }
  }
  // A title in quotes is taken as written (so it may start with "for").
  const title = readText("title", /^["“](.*)["”]$/s.exec(rest.trim())?.[1] ?? rest);
  return { startsAt: when.at, minutes: minutes ?? DEFAULT_MINUTES, ...(title ? { title } : {}) };
}

function readDuration(text: string): { minutes: number; rest: string } {
  const read = readDurationPrefix(text);
  if (read.kind === "ok") return read;
  if (read.kind === "out-of-range") {
    refuse(
      "meeting.duration",
      rich`A meeting can last from ${DURATION_RANGE.min} minute to ${DURATION_RANGE.max / 60} hours, so "${quoteBack(read.text)}" is too ${read.minutes < DURATION_RANGE.min ? "short" : "long"}. For example: ${LENGTHS}.`,
    );
  }
  refuse(
    "meeting.duration",
    read.word
      ? rich`I couldn't read "${quoteBack(read.word)}" as a length. Write it like ${LENGTHS}, then the title (in quotes if it starts with "for").`
      : rich`Please say how long after ${code("for")}, like ${LENGTHS}.`,
  );
}

/** "Please add a time of day", saying why when a time was written but is not a real one. */
function missingTime(text: string, rest: string): Text {
  const why = unrealWhen(rest);
  if (why) return rich`${capitalise(why)}. For example: ${EXAMPLE}.`;
  const at = /^at\s+(\S+)/i.exec(rest);
  if (at?.[1]) return rich`I couldn't read "${quoteBack(at[1])}" as a time of day. For example: ${EXAMPLE}.`;
  const inDays = /^in\s+\d+\s*(?:days?|weeks?)/i.exec(text);
  if (inDays) {
    return rich`Please add a time of day, for example ${code(`/meeting schedule ${inDays[0]} at 2pm ${rest || "Planning"}`)}.`;
  }
  return rich`Please add a time of day, for example ${EXAMPLE}.`;
}
