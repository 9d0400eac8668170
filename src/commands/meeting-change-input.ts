import { refuse } from "../domain/errors.ts";
import type { Every } from "../domain/meeting-series.ts";
import { MOST_AT_ONCE } from "../domain/meeting-series.ts";
import { code, rich } from "../domain/rich-text.ts";
import { quoteBack, readText } from "../domain/text.ts";
import { DURATION_RANGE, parseWhenPrefix, readDurationPrefix, unrealWhen } from "../domain/time.ts";
import type { MoveInput } from "../use-cases/move-meeting.ts";
import type { PlaceInput } from "../use-cases/place-meeting.ts";
import type { RenameInput } from "../use-cases/rename-meeting.ts";
import type { RepeatInput } from "../use-cases/repeat-meeting.ts";
import { capitalise, readDay } from "./clauses.ts";
import type { ParseContext } from "./spec.ts";

export const PLACE_EXAMPLE = "/meeting place M-3 https://meet.example.org/medication";
export const MOVE_EXAMPLE = "/meeting move M-3 next thursday 10am";
export const RENAME_EXAMPLE = "/meeting rename M-3 Medicines review";
export const REPEAT_EXAMPLE = "/meeting repeat M-3 every month 6 times";

const LENGTHS = rich`${code("for 90m")}, ${code("for 1h30m")} or ${code("for 2 hours")}`;

/** The meeting's id (the first word) and the text after it; refused with the example when missing. */
function idAndRest(args: string, example: string, what: string): { id: string; rest: string } {
  const text = args.trim();
  const id = /^\S+/.exec(text)?.[0] ?? "";
  const rest = text.slice(id.length).trim();
  if (!/^M-\d+$/i.test(id))
    refuse(
      "meeting.id",
      id
        ? rich`Please start with the meeting's number, like ${code("M-3")}, so I couldn't read "${quoteBack(id)}". For example: ${code(example)}.`
        : rich`Please name the meeting and ${what}. For example: ${code(example)}.`,
    );
  if (!rest) refuse("meeting.id", rich`Please say ${what} after ${id}. For example: ${code(example)}.`);
  return { id, rest };
}

/**
 * `<M-n> <link or place>`: a link (Slack sends it as `<https://…>` or `<https://…|label>`, both
 * unwrapped) must be a whole web address; anything else is a room, cleaned and within its limit.
 */
export function readPlace(args: string): PlaceInput {
  const { id, rest } = idAndRest(args, PLACE_EXAMPLE, "where it is (a link or a room)");
  const unwrapped = rest.replace(/^<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>$/i, "$1");
  if (/^https?:/i.test(unwrapped)) {
    if (/\s/.test(unwrapped) || !isWebAddress(unwrapped))
      refuse(
        "meeting.place",
        rich`I couldn't read "${quoteBack(unwrapped)}" as a link. Give the whole web address on its own, for example ${code(PLACE_EXAMPLE)}, or a room, like ${code("/meeting place M-3 Room 4, County Hall")}.`,
      );
    return { id, place: readText("place", unwrapped) };
  }
  return { id, place: readText("place", unwrapped) };
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** `<M-n> <title>`: the title as written (in quotes if you like), cleaned and within its limit. */
export function readRename(args: string): RenameInput {
  const { id, rest } = idAndRest(args, RENAME_EXAMPLE, "its new title");
  const title = readText("title", /^["“](.*)["”]$/s.exec(rest)?.[1] ?? rest);
  if (!title)
    refuse("meeting.rename", rich`Please give the new title. For example: ${code(RENAME_EXAMPLE)}.`);
  return { id, title };
}

/** `<M-n> <when> [for <duration>]`, read completely: nothing may follow but the length. */
export function readMove(args: string, at: ParseContext): MoveInput {
  const { id, rest } = idAndRest(args, MOVE_EXAMPLE, "when it moves to");
  const when = parseWhenPrefix(rest, at.zone, at.now);
  if (!when) {
    const why = unrealWhen(rest);
    refuse(
      "meeting.when",
      why
        ? rich`${capitalise(why)}. For example: ${code(MOVE_EXAMPLE)}.`
        : rich`I couldn't tell when "${quoteBack(rest)}" is. Try ${code(MOVE_EXAMPLE)}, or a date like ${code(`/meeting move ${id} 2026-12-10 14:00`)}.`,
    );
  }
  if (!when.hasTime) {
    const why = unrealWhen(when.rest);
    refuse(
      "meeting.time",
      why
        ? rich`${capitalise(why)}. For example: ${code(MOVE_EXAMPLE)}.`
        : rich`Please add a time of day, for example ${code(MOVE_EXAMPLE)}.`,
    );
  }
  if (!when.rest) return { id, startsAt: when.at };
  const lead = /^for(?:\s+|$)/i.exec(when.rest);
  if (!lead)
    refuse(
      "clause.unreadable",
      rich`I couldn't read "${quoteBack(when.rest)}" after the new time. Only a length may follow, like ${LENGTHS}. For example: ${code(`${MOVE_EXAMPLE} for 90m`)}.`,
    );
  const read = readDurationPrefix(when.rest.slice(lead[0].length));
  if (read.kind === "out-of-range")
    refuse(
      "meeting.duration",
      rich`A meeting can last from ${DURATION_RANGE.min} minute to ${DURATION_RANGE.max / 60} hours, so "${quoteBack(read.text)}" is too ${read.minutes < DURATION_RANGE.min ? "short" : "long"}. For example: ${LENGTHS}.`,
    );
  if (read.kind === "unreadable" || read.rest)
    refuse(
      "meeting.duration",
      rich`I couldn't read "${quoteBack(when.rest.slice(lead[0].length))}" as a length. Write it like ${LENGTHS}, for example ${code(`${MOVE_EXAMPLE} for 90m`)}.`,
    );
  return { id, startsAt: when.at, minutes: read.minutes };
}

const EVERY = /^every\s+(2\s*weeks|two\s+weeks|fortnight|4\s*weeks|four\s+weeks|month)(?=\s|$)/i;

/** `<M-n> every <2 weeks|4 weeks|month> [until <date>|<n> times]`, read completely. */
export function readRepeat(args: string, at: ParseContext): RepeatInput {
  const { id, rest } = idAndRest(args, REPEAT_EXAMPLE, "how often, like every month");
  const every = EVERY.exec(rest);
  if (!every?.[1])
    refuse(
      "meeting.every",
      rich`I can repeat a meeting ${code("every 2 weeks")}, ${code("every 4 weeks")} or ${code("every month")} (the same weekday of the same week, like the second Tuesday), so I couldn't read "${quoteBack(rest)}". For example: ${code(REPEAT_EXAMPLE)}.`,
    );
  const word = every[1].toLowerCase();
  const how: Every = word === "month" ? "month" : /^(4|four)/.test(word) ? "4 weeks" : "2 weeks";
  const tail = rest.slice(every[0].length).trim();
  if (!tail) return { id, every: how };
  const until = /^until(?:\s+|$)/i.exec(tail);
  if (until) {
    const day = tail.slice(until[0].length).trim();
    if (!day)
      refuse(
        "time.unreadable",
        rich`Please say until when, for example ${code(`/meeting repeat ${id} every month until 2027-06-30`)}.`,
      );
    return {
      id,
      every: how,
      until: readDay(day, at, rich`${code(`/meeting repeat ${id} every month until 2027-06-30`)}`),
    };
  }
  const times = /^(\d{1,4})\s+times?$/i.exec(tail);
  if (times?.[1]) {
    const n = Number(times[1]);
    if (n < 1)
      refuse("meeting.repeat-count", rich`Please book at least 1 more, for example ${code(REPEAT_EXAMPLE)}.`);
    if (n > MOST_AT_ONCE)
      refuse(
        "meeting.too-many",
        rich`I can book at most ${MOST_AT_ONCE} meetings at once, so "${n} times" is too many. For example: ${code(`/meeting repeat ${id} every ${how} ${MOST_AT_ONCE} times`)}.`,
      );
    return { id, every: how, times: n };
  }
  refuse(
    "clause.unreadable",
    rich`I couldn't read "${quoteBack(tail)}". After how often, say ${code("until <date>")} or how many times, for example ${code(REPEAT_EXAMPLE)} or ${code(`/meeting repeat ${id} every ${how} until 2027-06-30`)}.`,
  );
}
