import { describe, expect, it } from "vitest";
import { UserFacingError } from "../../src/domain/errors.ts";
import { applySetting, defaultSettings, SETTING_NAMES, type Settings } from "../../src/domain/settings.ts";

const base = defaultSettings("Europe/London");

function refusal(name: string, value: string, settings: Settings = base): UserFacingError {
  try {
    applySetting(settings, name, value);
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error(`expected ${name} ${JSON.stringify(value)} to be refused`);
}

/** The value in the refusal's own "For example: `/workstream set <name> <value>`". */
function exampleValue(message: string, name: string): string {
  const match = new RegExp(`\`/workstream set ${name} ([^\`]+)\``).exec(message);
  if (!match?.[1]) throw new Error(`no example for ${name} in: ${message}`);
  return match[1];
}

describe("the settings a new workstream starts with", () => {
  it("match PRODUCT.md §5", () => {
    expect(defaultSettings("Europe/London")).toEqual({
      timezone: "Europe/London",
      "papers-lead-days": 7,
      "papers-reminder-days": 2,
      "checkin-reminder-hours": 24,
      "checkin-close-hours": 72,
      "one-to-one-every-days": 42,
      digest: "mon 09:00",
      "quiet-hours": "20:00-08:00",
      "quiet-weekends": "on",
      "review-every-weeks": 12,
    });
  });

  it("use the time zone the bot was configured with", () => {
    expect(defaultSettings("America/New_York").timezone).toBe("America/New_York");
  });

  it("are exactly the settings people can change", () => {
    expect([...SETTING_NAMES].sort()).toEqual(Object.keys(base).sort());
  });
});

/** Each setting: values that must be accepted (and what they become), values that must be refused, and words from the valid range. */
const CASES: Array<{
  name: string;
  accepted: Array<[string, string | number]>;
  refused: string[];
  range: string[];
}> = [
  {
    name: "timezone",
    accepted: [
      ["America/New_York", "America/New_York"],
      ["Europe/London", "Europe/London"],
      ["Asia/Kolkata", "Asia/Kolkata"],
    ],
    refused: ["Mars/Olympus", "London", "GMT+25", ""],
    range: ["time zone", "Europe/London"],
  },
  {
    name: "papers-lead-days",
    accepted: [
      ["1", 1],
      ["10", 10],
      ["60", 60],
      [" 14 ", 14],
      // The unit may be written out, as people say it; only the setting's own unit.
      ["7 days", 7],
      ["1 day", 1],
    ],
    refused: ["0", "61", "seven", "7.5", "-3", "7 weeks", "7days x"],
    range: ["1", "60", "days"],
  },
  {
    name: "papers-reminder-days",
    accepted: [
      ["1", 1],
      ["30", 30],
    ],
    refused: ["0", "31", "two"],
    range: ["1", "30", "days"],
  },
  {
    name: "checkin-reminder-hours",
    accepted: [
      ["1", 1],
      ["168", 168],
    ],
    refused: ["0", "169", "24h"],
    range: ["1", "168", "hours"],
  },
  {
    name: "checkin-close-hours",
    accepted: [
      ["2", 2],
      ["336", 336],
    ],
    refused: ["1", "337", "three days"],
    range: ["2", "336", "hours"],
  },
  {
    name: "one-to-one-every-days",
    accepted: [
      ["7", 7],
      ["365", 365],
    ],
    refused: ["6", "366", "monthly"],
    range: ["7", "365", "days"],
  },
  {
    name: "digest",
    accepted: [
      ["mon 09:00", "mon 09:00"],
      ["Fri 17:30", "fri 17:30"],
      ["0 9 * * 1", "0 9 * * 1"],
      ["*/30 9-17 * * 1-5", "*/30 9-17 * * 1-5"],
    ],
    refused: ["monday", "mon 9am", "xyz 09:00", "mon 25:00", "0 9 * *", "every week"],
    range: ["mon 09:00", "cron"],
  },
  {
    name: "quiet-hours",
    accepted: [
      ["20:00-08:00", "20:00-08:00"],
      ["21:00-07:30", "21:00-07:30"],
      ["off", "off"],
      ["OFF", "off"],
    ],
    refused: ["8pm-8am", "20:00-20:00", "24:00-08:00", "20:00", "on"],
    range: ["off", "20:00-08:00"],
  },
  {
    name: "quiet-weekends",
    accepted: [
      ["on", "on"],
      ["off", "off"],
    ],
    refused: ["yes", "maybe", ""],
    range: ["on", "off"],
  },
  {
    name: "review-every-weeks",
    accepted: [
      ["8", 8],
      ["52", 52],
      ["off", "off"],
      ["Off", "off"],
      ["12 weeks", 12],
      ["1 week", 1],
    ],
    refused: ["0", "53", "12 days", "never", "1.5"],
    range: ["1", "52", "off"],
  },
];

describe("changing a setting", () => {
  it("has a case here for every setting", () => {
    expect(CASES.map((c) => c.name).sort()).toEqual([...SETTING_NAMES].sort());
  });

  for (const { name, accepted, refused, range } of CASES) {
    describe(name, () => {
      it.each(accepted)(`accepts %j`, (value, becomes) => {
        const changed = applySetting(base, name, value);
        expect(changed[name as keyof Settings]).toEqual(becomes);
        // Only that setting changes, and the old settings are left alone.
        expect({ ...changed, [name]: base[name as keyof Settings] }).toEqual(base);
        expect(base).toEqual(defaultSettings("Europe/London"));
      });

      it.each(refused)(`refuses %j, saying what is allowed and giving an example`, (value) => {
        const error = refusal(name, value);
        expect(error.code).toBe("setting.invalid");
        expect(error.userMessage).toContain(name);
        for (const word of range) expect(error.userMessage).toContain(word);
        expect(error.userMessage).toMatch(new RegExp(`For example: \`/workstream set ${name} [^\`]+\``));
      });

      it("gives an example in its refusal that would itself be accepted", () => {
        const value = exampleValue(refusal(name, refused[0] as string).userMessage, name);
        expect(() => applySetting(base, name, value)).not.toThrow();
      });
    });
  }

  it("refuses a cron expression with impossible numbers (minute 99)", () => {
    expect(refusal("digest", "99 9 * * 1").code).toBe("setting.invalid");
  });

  it("refuses a setting name it does not know, listing the ones it does", () => {
    const error = refusal("papers-days", "10");
    expect(error.code).toBe("setting.unknown");
    expect(error.userMessage).toContain('"papers-days"');
    for (const name of SETTING_NAMES) expect(error.userMessage).toContain(name);
    expect(error.userMessage).toContain("`/workstream set papers-lead-days 10`");
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "refuses %j as an unknown setting rather than failing",
    (name) => {
      expect(refusal(name, "x").code).toBe("setting.unknown");
    },
  );
});
