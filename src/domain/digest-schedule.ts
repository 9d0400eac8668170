import { DateTime } from "luxon";

/**
 * The `digest` setting (`mon 09:00` or a 5-field cron expression) as a matcher over local
 * wall-clock minutes. Pure: the caller supplies the zone and the moment.
 */
export interface Schedule {
  matches(local: WallClock): boolean;
}

/** A local wall-clock minute; `weekday` is luxon's (1 = Monday … 7 = Sunday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** Reads the setting; undefined when it cannot be read (the setting rule refuses those first). */
export function parseSchedule(value: string): Schedule | undefined {
  const v = value.trim().toLowerCase();
  const dayTime = /^([a-z]{3}) (\d{2}):(\d{2})$/.exec(v);
  const cron = dayTime
    ? `${Number(dayTime[3])} ${Number(dayTime[2])} * * ${DAYS.indexOf(dayTime[1] ?? "")}`
    : v;
  const fields = cron.split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const sets = [
    readField(minute, 0, 59),
    readField(hour, 0, 23),
    readField(dom, 1, 31),
    readField(month, 1, 12),
    readField(dow, 0, 7),
  ];
  if (sets.some((s) => s === undefined)) return undefined;
  const [minutes, hours, days, months, weekdays] = sets as Array<Set<number>>;
  if (weekdays?.has(7)) weekdays.add(0);
  // Cron's own rule: when both day fields are restricted, either may match.
  const domStar = dom === "*" || dom.startsWith("*/");
  const dowStar = dow === "*" || dow.startsWith("*/");
  return {
    matches(local) {
      if (!minutes?.has(local.minute) || !hours?.has(local.hour) || !months?.has(local.month)) return false;
      const domOk = days?.has(local.day) ?? false;
      const dowOk = weekdays?.has(local.weekday % 7) ?? false;
      if (!domStar && !dowStar) return domOk || dowOk;
      return domOk && dowOk;
    },
  };
}

function readField(field: string, min: number, max: number): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from = min;
    let to = max;
    if (range !== "*") {
      const ends = range.split("-").map(Number);
      if (ends.length > 2 || ends.some((n) => !Number.isInteger(n) || n < min || n > max)) return undefined;
      from = ends[0] as number;
      to = ends.length === 2 ? (ends[1] as number) : stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) out.add(n);
  }
  return out;
}

/** One scheduled moment: the instant, and its local wall-clock minute (`2027-03-29T09:00`). */
export interface Slot {
  at: Date;
  localMinute: string;
}

/**
 * The most recent scheduled minute at or before `now`, looking back at most `lookbackMinutes`.
 * It walks real minutes (not wall-clock ones), so a local time skipped in spring is never
 * matched and one repeated in autumn gives the same `localMinute` twice: keyed on that, the
 * work is done once. A slot older than the look-back is left alone, so a long outage does not
 * send last week's digest.
 */
export function latestSlot(
  schedule: Schedule,
  zone: string,
  now: Date,
  lookbackMinutes: number,
): Slot | undefined {
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  const earliest = start - lookbackMinutes * 60_000;
  const offsetNow = DateTime.fromMillis(start, { zone }).offset;
  // The usual case: no clock change inside the window, so one offset serves every minute and
  // luxon (slow per call) is needed only at the ends. Across a change, ask luxon each minute.
  const steady = DateTime.fromMillis(earliest, { zone }).offset === offsetNow;
  for (let ms = start; ms >= earliest; ms -= 60_000) {
    const local = steady ? shifted(ms, offsetNow) : wallClock(DateTime.fromMillis(ms, { zone }));
    if (schedule.matches(local)) return { at: new Date(ms), localMinute: label(local) };
  }
  return undefined;
}

/**
 * Every scheduled minute in (after, upTo], earliest first, each local minute once: the slots a
 * long outage passed over. Walked a day at a time, so luxon is asked only at each day's ends
 * unless the clocks change that day.
 */
export function slotsBetween(schedule: Schedule, zone: string, after: Date, upTo: Date): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const end = Math.floor(upTo.getTime() / 60_000) * 60_000;
  const day = 24 * 60 * 60_000;
  for (let from = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000; from <= end; from += day) {
    const to = Math.min(end, from + day - 60_000);
    const offset = DateTime.fromMillis(from, { zone }).offset;
    const steady = DateTime.fromMillis(to, { zone }).offset === offset;
    for (let ms = from; ms <= to; ms += 60_000) {
      const local = steady ? shifted(ms, offset) : wallClock(DateTime.fromMillis(ms, { zone }));
      if (!schedule.matches(local)) continue;
      const localMinute = label(local);
      if (seen.has(localMinute)) continue;
      seen.add(localMinute);
      slots.push({ at: new Date(ms), localMinute });
    }
  }
  return slots;
}

/** Whether the `digest` setting names this local minute (a slot's label, `2027-03-29T09:00`). */
export function isScheduledMinute(setting: string, label: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(label);
  const schedule = parseSchedule(setting);
  if (!m || !schedule) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  return schedule.matches({ year, month, day, hour, minute, weekday });
}

/** `2027-03-29T09:00`: the name a slot's outbox key carries. */
function label(local: WallClock): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${local.year}-${p(local.month)}-${p(local.day)}T${p(local.hour)}:${p(local.minute)}`;
}

function wallClock(dt: DateTime): WallClock {
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    weekday: dt.weekday,
  };
}

function shifted(ms: number, offsetMinutes: number): WallClock {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
  };
}
