// Only the English parsers: the package entry point loads all sixteen locales (about 12 MB).
import * as chronoEn from "chrono-node/en";
import { DateTime } from "luxon";
import { refuse } from "./errors.ts";
import { rich, type Text } from "./rich-text.ts";
import type { Settings } from "./settings.ts";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?/;

/** What a phrase at the start of some text meant, and the text left after it. */
export interface ParsedWhen {
  at: Date;
  /** True when the phrase named a time of day (or was relative, such as "in 3 hours"). */
  hasTime: boolean;
  rest: string;
}

/**
 * Reads a date/time at the start of `text` in the workstream's zone: ISO `2026-12-10 14:00`
 * always, and plain phrases ("next tuesday 2pm", "in 3 days") through chrono. chrono works in
 * one fixed offset, so it is given the zone's wall-clock time as if it were UTC and the result is
 * placed back in the zone by luxon; that keeps "Tuesday 2pm" at 2pm across a clock change.
 */
export function parseWhenPrefix(text: string, zone: string, now: Date): ParsedWhen | undefined {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const [whole, y, mo, d, h, mi] = iso;
    const dt = DateTime.fromObject(
      { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0) },
      { zone },
    );
    if (!dt.isValid) return undefined;
    return { at: dt.toJSDate(), hasTime: h !== undefined, rest: trimmed.slice(whole.length).trim() };
  }
  // "in 3 hours" is elapsed time, which differs from wall-clock time on a clock-change night.
  const elapsed = /^in\s+(\d{1,4})\s*(hours?|hrs?|minutes?|mins?)\b/i.exec(trimmed);
  if (elapsed?.[1] && elapsed[2]) {
    const unit = elapsed[2].toLowerCase().startsWith("h") ? HOUR : 60_000;
    const at = new Date(now.getTime() + Number(elapsed[1]) * unit);
    return { at, hasTime: true, rest: trimmed.slice(elapsed[0].length).trim() };
  }
  const wall = DateTime.fromJSDate(now, { zone });
  // "in 3 days" names a day, not a moment: read here, exactly, with any time of day after it.
  const days = IN_DAYS.exec(trimmed);
  if (days?.[1] && days[2]) {
    const count = Number(days[1]) * (days[2].toLowerCase().startsWith("w") ? 7 : 1);
    let rest = trimmed.slice(days[0].length).trim();
    const time = readTimeOfDay(rest);
    const day = wall.startOf("day").plus({ days: count });
    if (!time) return { at: day.toJSDate(), hasTime: false, rest };
    rest = rest.slice(time.length).trim();
    const at = day.set({ hour: time.hour, minute: time.minute });
    return { at: at.toJSDate(), hasTime: true, rest };
  }
  const reference = {
    instant: new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)),
    timezone: 0,
  };
  const results = chronoEn.GB.parse(trimmed, reference, { forwardDate: true });
  const first = results[0];
  if (first?.index !== 0) return undefined;
  const c = first.start;
  const relative = /^in\s/i.test(first.text) || /\b(now|tonight)\b/i.test(first.text);
  const hasTime = c.isCertain("hour") || relative;
  let dt = DateTime.fromObject(
    {
      year: c.get("year") ?? wall.year,
      month: c.get("month") ?? wall.month,
      day: c.get("day") ?? wall.day,
      hour: hasTime ? (c.get("hour") ?? 0) : 0,
      minute: hasTime ? (c.get("minute") ?? 0) : 0,
    },
    { zone },
  );
  if (!dt.isValid) return undefined;
  // A bare weekday ("tuesday 2pm") means the next one after today; "today" says today.
  if (BARE_WEEKDAY.test(first.text) && dt.hasSame(wall, "day")) dt = dt.plus({ days: 7 });
  return { at: dt.toJSDate(), hasTime, rest: trimmed.slice(first.text.length).trim() };
}

const IN_DAYS = /^in\s+(\d{1,3})\s*(days?|weeks?)\b/i;
const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;
const TIME_OF_DAY =
  /^(?:at\s+)?(?:(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)|(\d{1,2})[:.](\d{2})|(noon|midday))(?=\s|$)/i;

/** A time of day at the start of text ("2pm", "at 14:00", "midday"), if it is a real one. */
function readTimeOfDay(text: string): { hour: number; minute: number; length: number } | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (!m) return undefined;
  if (m[6]) return { hour: 12, minute: 0, length: m[0].length };
  const twelve = m[3] !== undefined;
  let hour = Number(twelve ? m[1] : m[4]);
  const minute = Number((twelve ? m[2] : m[5]) ?? 0);
  if (twelve) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3]?.toLowerCase() === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, length: m[0].length };
}

const TIME_SHAPED = /^(?:at\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|\d{1,2}[:.]\d{2})(?=\s|$)/i;
const ISO_SHAPED = /^\d{4}-\d{2}-\d{2}(?:[ T](\d{1,2}:\d{2}))?(?=\s|$)/;

/**
 * Why a date or time at the start of text is not a real one, when it is shaped like one:
 * `"25:00" isn't a time of day` or `"2026-02-31" isn't a date`. Undefined when nothing there looks
 * like a date or time, or it is a real one.
 */
export function unrealWhen(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_SHAPED.exec(trimmed);
  if (iso) {
    const [date, time] = iso[0].split(/[ T]/);
    if (!DateTime.fromISO(date ?? "").isValid) return `"${date}" isn't a date on the calendar`;
    if (time && !readTimeOfDay(time)) return `"${time}" isn't a time of day: times go from 00:00 to 23:59`;
    return undefined;
  }
  const time = TIME_SHAPED.exec(trimmed);
  if (time?.[1] && !readTimeOfDay(time[0])) {
    return /[ap]m$/i.test(time[1])
      ? `"${time[1]}" isn't a time of day: with am or pm, the hour goes from 1 to 12`
      : `"${time[1]}" isn't a time of day: times go from 00:00 to 23:59`;
  }
  return undefined;
}

/** Like parseWhenPrefix, but the whole text must be the date; refuses kindly otherwise. */
export function parseWhen(text: string, zone: string, now: Date, example: Text): Date {
  const parsed = parseWhenPrefix(text, zone, now);
  if (!parsed || parsed.rest) {
    refuse("time.unreadable", rich`I couldn't read "${text.trim()}" as a date. Try ${example}.`);
  }
  return parsed.at;
}

/** A moment as people in a zone read it. */
interface WallClock {
  year: number;
  /** "Thursday 10 December" */
  day: string;
  /** "2pm", "2:30pm", "midday" */
  time: string;
}

const WALL_CLOCK_CACHE = 5_000;
const wallClocks = new Map<string, WallClock>();

/**
 * Memoised: luxon works out a zone's offset through Intl on every call (about 20 µs), and the
 * same meetings are shown again and again, so this was most of the CPU of `/meeting list`.
 */
function wallClock(at: Date, zone: string): WallClock {
  const key = `${at.getTime()} ${zone}`;
  let found = wallClocks.get(key);
  if (!found) {
    const dt = DateTime.fromJSDate(at, { zone });
    const time =
      dt.hour === 12 && dt.minute === 0
        ? "midday"
        : dt.toFormat(dt.minute === 0 ? "h" : "h:mm") + (dt.hour < 12 ? "am" : "pm");
    found = { year: dt.year, day: dt.toFormat("cccc d LLLL"), time };
    if (wallClocks.size >= WALL_CLOCK_CACHE) wallClocks.clear();
    wallClocks.set(key, found);
  }
  return found;
}

/**
 * The current year in a zone. `now` is rounded down to the quarter hour so the cache serves it:
 * every zone's offset is a whole number of quarter hours, so a new year never starts in between.
 */
function yearNow(now: Date, zone: string): number {
  return wallClock(new Date(now.getTime() - (now.getTime() % QUARTER_HOUR)), zone).year;
}

const QUARTER_HOUR = 15 * 60_000;

/** "Thursday 10 December, 2pm" (the year too when it is not the current one). */
export function formatWhen(at: Date, zone: string, now?: Date): string {
  return `${formatDay(at, zone, now)}, ${formatTime(at, zone)}`;
}

/** "2pm", "2:30pm", "midday". */
export function formatTime(at: Date, zone: string): string {
  return wallClock(at, zone).time;
}

/** "Thursday 10 December" (the year too when it is not the current one). */
export function formatDay(at: Date, zone: string, now?: Date): string {
  const wall = wallClock(at, zone);
  const year = now && yearNow(now, zone) !== wall.year ? ` ${wall.year}` : "";
  return `${wall.day}${year}`;
}

/** The shortest and longest a meeting may be, in minutes. */
export const DURATION_RANGE = { min: 1, max: 24 * 60 } as const;

const DURATION_PREFIX =
  /^(?:(\d+)\s*(?:h|hrs?|hours?)(?:\s*(\d+)\s*(?:m|mins?|minutes?))?|(\d+)\s*(?:m|mins?|minutes?))(?=\s|$)/i;

/** What a length at the start of some text said: minutes and the rest, or why it could not be used. */
export type DurationRead =
  | { kind: "ok"; minutes: number; rest: string }
  | { kind: "unreadable"; word: string }
  | { kind: "out-of-range"; text: string; minutes: number };

/**
 * Reads a length (`90m`, `1h30m`, `2h`, `2 hours`, `45 minutes`) at the start of `text`. A length
 * it read but that is not between 1 minute and 24 hours is told apart from words it could not read,
 * so the refusal can say which.
 */
export function readDurationPrefix(text: string): DurationRead {
  const trimmed = text.trim();
  const m = DURATION_PREFIX.exec(trimmed);
  if (!m) return { kind: "unreadable", word: /^\S*/.exec(trimmed)?.[0] ?? "" };
  const minutes = m[3] !== undefined ? Number(m[3]) : Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  if (minutes < DURATION_RANGE.min || minutes > DURATION_RANGE.max)
    return { kind: "out-of-range", text: m[0], minutes };
  return { kind: "ok", minutes, rest: trimmed.slice(m[0].length).trim() };
}

/** `90m`, `1h30m`, `2h`, `2 hours`, `45 minutes` → minutes; undefined if unreadable or out of range. */
export function parseDuration(text: string): number | undefined {
  const read = readDurationPrefix(text);
  return read.kind === "ok" && read.rest === "" ? read.minutes : undefined;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * When a direct message due at `at` may go out: unchanged outside quiet hours and weekends,
 * otherwise the end of the quiet period (the next weekday morning).
 */
export function afterQuietHours(at: Date, settings: Settings): Date {
  const zone = settings.timezone;
  const range = settings["quiet-hours"] === "off" ? undefined : settings["quiet-hours"].split("-");
  const [start, end] = (range ?? ["00:00", "00:00"]).map((t) => {
    const [h, m] = t.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  }) as [number, number];
  const morning = range ? end : 8 * 60;
  let dt: DateTime = DateTime.fromJSDate(at, { zone });
  for (let i = 0; i < 10; i++) {
    const minute = dt.hour * 60 + dt.minute;
    if (settings["quiet-weekends"] === "on" && dt.weekday >= 6) {
      dt = atMinute(dt.plus({ days: 8 - dt.weekday }), morning);
      continue;
    }
    const quiet =
      range !== undefined &&
      (start > end ? minute >= start || minute < end : minute >= start && minute < end);
    if (!quiet) return dt.toJSDate();
    const base = start > end && minute >= start ? dt.plus({ days: 1 }) : dt;
    dt = atMinute(base, end);
  }
  return dt.toJSDate();
}

/** That day at a wall-clock minute: set(), not plus(), since a clock-change day is 23 or 25 hours. */
function atMinute(dt: DateTime, minuteOfDay: number): DateTime {
  return dt.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0, millisecond: 0 });
}
