import { IANAZone } from "luxon";
import { z } from "zod";
import { refuse } from "./errors.ts";
import { code, rich, type Text } from "./rich-text.ts";

/** Per-workstream settings (PRODUCT.md §5), stored as JSON and read back through this schema. */
export const SettingsSchema = z.object({
  timezone: z.string().default("Europe/London"),
  "papers-lead-days": z.number().int().default(7),
  "papers-reminder-days": z.number().int().default(2),
  "checkin-reminder-hours": z.number().int().default(24),
  "checkin-close-hours": z.number().int().default(72),
  "one-to-one-every-days": z.number().int().default(42),
  digest: z.string().default("mon 09:00"),
  "quiet-hours": z.string().default("20:00-08:00"),
  "quiet-weekends": z.enum(["on", "off"]).default("on"),
  "review-every-weeks": z.union([z.number().int(), z.literal("off")]).default(12),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;

export function defaultSettings(timezone: string): Settings {
  return SettingsSchema.parse({ timezone });
}

type Rule = { hint: Text; read: (value: string) => string | number | undefined };

const wholeNumber = (min: number, max: number, unit: string): Rule => ({
  hint: `a whole number of ${unit} from ${min} to ${max}`,
  read: (value) => {
    // "8" or "8 weeks" (and "1 week"): the unit may be written, but must be this one.
    const unitWord = `(?:${unit}|${unit.replace(/s$/, "")})`;
    const match = new RegExp(`^(\\d+)(?:\\s+${unitWord})?$`, "i").exec(value.trim());
    const n = match ? Number(match[1]) : Number.NaN;
    return n >= min && n <= max ? n : undefined;
  },
});

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const CRON_FIELD = /^[\d*,/-]+$/;
/** minute, hour, day of month, month, day of week */
const CRON_RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** Every number in each field within that field's range (steps, ranges such as 1-5, and lists allowed). */
function validCron(fields: string[]): boolean {
  return fields.every((field, i) => {
    const [min, max] = CRON_RANGES[i] as [number, number];
    if (!CRON_FIELD.test(field)) return false;
    return field.split(",").every((part) => {
      const [range = "", step] = part.split("/");
      if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) return false;
      if (range === "*") return true;
      const ends = range.split("-");
      return ends.length <= 2 && ends.every((n) => /^\d+$/.test(n) && Number(n) >= min && Number(n) <= max);
    });
  });
}

/** Each setting's valid range, said the way the refusal says it. */
const RULES: Record<SettingName, Rule> = {
  timezone: {
    hint: "a time zone name such as Europe/London",
    // Stored in its usual spelling ("europe/london" → "Europe/London").
    read: (value) => {
      if (!IANAZone.isValidZone(value)) return undefined;
      const resolved = new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
      return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
    },
  },
  "papers-lead-days": wholeNumber(1, 60, "days"),
  "papers-reminder-days": wholeNumber(1, 30, "days"),
  "checkin-reminder-hours": wholeNumber(1, 168, "hours"),
  "checkin-close-hours": wholeNumber(2, 336, "hours"),
  "one-to-one-every-days": wholeNumber(7, 365, "days"),
  digest: {
    hint: rich`a day and time such as ${code("mon 09:00")}, or a cron expression such as ${code("0 9 * * 1")}`,
    read: (value) => {
      const v = value.trim().toLowerCase();
      const dayTime = /^([a-z]{3}) ([01]\d|2[0-3]):([0-5]\d)$/.exec(v);
      if (dayTime) return dayTime[1] && DAYS.includes(dayTime[1]) ? v : undefined;
      const fields = v.split(/\s+/);
      return fields.length === 5 && validCron(fields) ? v : undefined;
    },
  },
  "quiet-hours": {
    hint: rich`${code("off")}, or a range such as ${code("20:00-08:00")}`,
    read: (value) => {
      const v = value.trim().toLowerCase();
      if (v === "off") return v;
      const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(v);
      return m && `${m[1]}${m[2]}` !== `${m[3]}${m[4]}` ? v : undefined;
    },
  },
  "quiet-weekends": {
    hint: rich`${code("on")} or ${code("off")}`,
    read: (value) => {
      const v = value.toLowerCase();
      return v === "on" || v === "off" ? v : undefined;
    },
  },
  "review-every-weeks": {
    hint: rich`a whole number of weeks from 1 to 52, or ${code("off")}`,
    read: (value) => {
      const v = value.trim().toLowerCase();
      if (v === "off") return v;
      return wholeNumber(1, 52, "weeks").read(v);
    },
  },
};

export const SETTING_NAMES = Object.keys(RULES) as SettingName[];

/** Checks one `/workstream set` value; refuses with the valid range. */
export function applySetting(
  settings: Settings,
  name: string,
  raw: string,
  command = "/workstream set",
): Settings {
  if (!Object.hasOwn(RULES, name)) {
    refuse(
      "setting.unknown",
      rich`There is no setting called "${name}". You can set: ${SETTING_NAMES.join(", ")}. For example: ${code("/workstream set papers-lead-days 10")}.`,
    );
  }
  const key = name as SettingName;
  const rule = RULES[key];
  const value = rule.read(raw.trim());
  if (value === undefined) {
    refuse(
      "setting.invalid",
      rich`${key} must be ${rule.hint}. For example: ${code(`${command} ${key} ${example(key)}`)}.`,
    );
  }
  return SettingsSchema.parse({ ...settings, [key]: value });
}

function example(name: SettingName): string {
  return String(defaultSettings("Europe/London")[name]);
}
