import { describe, expect, it } from "vitest";
import { UserFacingError } from "../../src/domain/errors.ts";
import { defaultSettings, type Settings } from "../../src/domain/settings.ts";
import {
  afterQuietHours,
  formatTime,
  formatWhen,
  parseDuration,
  parseWhen,
  parseWhenPrefix,
} from "../../src/domain/time.ts";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
/** Tuesday 1 December 2026, 10am in London (GMT, so UTC and London agree). */
const NOW = new Date("2026-12-01T10:00:00Z");

function parsed(text: string, zone = LONDON, now = NOW) {
  const result = parseWhenPrefix(text, zone, now);
  if (!result) throw new Error(`expected "${text}" to be read as a date`);
  return result;
}

function refusal(fn: () => unknown): UserFacingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("reading dates and times", () => {
  it("reads an ISO date and time in London winter as that wall-clock time (GMT)", () => {
    const when = parsed("2026-12-10 14:00");
    expect(when.at.toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(when.hasTime).toBe(true);
    expect(when.rest).toBe("");
  });

  it("reads an ISO date and time in London summer as British Summer Time (an hour ahead of UTC)", () => {
    expect(parsed("2026-07-10 14:00").at.toISOString()).toBe("2026-07-10T13:00:00.000Z");
  });

  it("reads the ISO form with a T between date and time too", () => {
    expect(parsed("2026-12-10T09:30").at.toISOString()).toBe("2026-12-10T09:30:00.000Z");
  });

  it("reads an ISO date without a time as a day, not a time", () => {
    const when = parsed("2026-12-10");
    expect(when.hasTime).toBe(false);
    expect(formatWhen(when.at, LONDON)).toMatch(/^Thursday 10 December/);
  });

  it("reads 'next tuesday 2pm' as the coming Tuesday at 2pm", () => {
    expect(parsed("next tuesday 2pm").at.toISOString()).toBe("2026-12-08T14:00:00.000Z");
  });

  it("reads 'in 3 days' as a day three days from now, with no time of day unless one follows", () => {
    const when = parsed("in 3 days Three days");
    expect(when.at.toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(when.hasTime).toBe(false);
    expect(when.rest).toBe("Three days");
    const timed = parsed("in 3 days at 2pm Three days");
    expect(timed.at.toISOString()).toBe("2026-12-04T14:00:00.000Z");
    expect(timed.hasTime).toBe(true);
    expect(timed.rest).toBe("Three days");
  });

  it("reads a bare weekday typed on that weekday as next week's, and 'today' as today", () => {
    expect(parsed("tuesday 2pm").at.toISOString()).toBe("2026-12-08T14:00:00.000Z");
    expect(parsed("today 2pm").at.toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(parsed("wednesday 2pm").at.toISOString()).toBe("2026-12-02T14:00:00.000Z");
  });

  it("reads 'tomorrow at 14:00'", () => {
    expect(parsed("tomorrow at 14:00").at.toISOString()).toBe("2026-12-02T14:00:00.000Z");
  });

  it("reads '10 December 2pm' in the coming December", () => {
    expect(parsed("10 December 2pm").at.toISOString()).toBe("2026-12-10T14:00:00.000Z");
  });

  it("reads a date with no time of day as a day only", () => {
    const when = parsed("10 December");
    expect(when.hasTime).toBe(false);
    expect(formatWhen(when.at, LONDON)).toMatch(/^Thursday 10 December/);
    expect(parsed("next monday").hasTime).toBe(false);
  });

  it("leaves the words after the date for the command to read", () => {
    const when = parsed("next tuesday 2pm for 90m Title");
    expect(when.at.toISOString()).toBe("2026-12-08T14:00:00.000Z");
    expect(when.rest).toBe("for 90m Title");
    expect(parsed("2026-12-10 14:00 Medication review").rest).toBe("Medication review");
  });

  it("does not read a date that is not at the start of the text", () => {
    expect(parseWhenPrefix("Medication review on 10 December 2pm", LONDON, NOW)).toBeUndefined();
    expect(parseWhenPrefix("whenever suits", LONDON, NOW)).toBeUndefined();
  });

  it("keeps 'Tuesday 2pm' at 2pm after the clocks go forward on the last Sunday of March", () => {
    // Thursday 25 March 2027; the clocks go forward on Sunday 28 March.
    const when = parsed("Tuesday 2pm", LONDON, new Date("2027-03-25T10:00:00Z"));
    expect(when.at.toISOString()).toBe("2027-03-30T13:00:00.000Z");
    expect(formatTime(when.at, LONDON)).toBe("2pm");
  });

  it("keeps 'Tuesday 2pm' at 2pm after the clocks go back on the last Sunday of October", () => {
    // Thursday 22 October 2026 (BST); the clocks go back on Sunday 25 October.
    const when = parsed("Tuesday 2pm", LONDON, new Date("2026-10-22T10:00:00Z"));
    expect(when.at.toISOString()).toBe("2026-10-27T14:00:00.000Z");
    expect(formatTime(when.at, LONDON)).toBe("2pm");
  });

  it("reads 'in 3 hours' as three real hours from now, even on the night the clocks go forward", () => {
    // 00:30 GMT on Sunday 28 March 2027; at 01:00 GMT the clocks jump to 02:00 BST.
    const now = new Date("2027-03-28T00:30:00Z");
    expect(parsed("in 3 hours", LONDON, now).at.toISOString()).toBe("2027-03-28T03:30:00.000Z");
  });

  it("reads 'tomorrow' by the London calendar just after midnight in summer", () => {
    // 00:30 BST on Thursday 2 July 2026 is still 1 July in UTC: tomorrow is Friday 3 July.
    const when = parsed("tomorrow 9am", LONDON, new Date("2026-07-01T23:30:00Z"));
    expect(when.at.toISOString()).toBe("2026-07-03T08:00:00.000Z");
  });

  it("reads times in another workstream's zone (New York)", () => {
    expect(parsed("2026-12-10 14:00", NEW_YORK).at.toISOString()).toBe("2026-12-10T19:00:00.000Z");
    // 10pm on Tuesday 1 December in New York (already Wednesday in UTC): tomorrow is Wednesday 2nd.
    const when = parsed("tomorrow 9am", NEW_YORK, new Date("2026-12-02T03:00:00Z"));
    expect(when.at.toISOString()).toBe("2026-12-02T14:00:00.000Z");
    expect(formatWhen(when.at, NEW_YORK)).toBe("Wednesday 2 December, 9am");
  });

  it("insists the whole text is a date, and refuses kindly with the example given", () => {
    expect(parseWhen("next monday", LONDON, NOW, "`/quiet until next monday`").toISOString()).toBe(
      "2026-12-07T00:00:00.000Z",
    );
    const leftover = refusal(() =>
      parseWhen("next monday please", LONDON, NOW, "`/quiet until next monday`"),
    );
    expect(leftover.code).toBe("time.unreadable");
    expect(leftover.userMessage).toContain("next monday please");
    expect(leftover.userMessage).toContain("`/quiet until next monday`");
    const nonsense = refusal(() => parseWhen("soonish", LONDON, NOW, "`2026-12-10 14:00`"));
    expect(nonsense.userMessage).toContain("`2026-12-10 14:00`");
  });
});

describe("writing dates and times for people", () => {
  it("writes the day, date and time in full: 'Thursday 10 December, 2pm'", () => {
    expect(formatWhen(new Date("2026-12-10T14:00:00Z"), LONDON, NOW)).toBe("Thursday 10 December, 2pm");
  });

  it("writes summer times in British Summer Time", () => {
    expect(formatWhen(new Date("2026-07-10T13:00:00Z"), LONDON)).toBe("Friday 10 July, 2pm");
  });

  it("adds the year only when it is not this year", () => {
    expect(formatWhen(new Date("2027-01-05T09:30:00Z"), LONDON, NOW)).toBe("Tuesday 5 January 2027, 9:30am");
  });

  it("knows the year has turned at the zone's own midnight, a quarter-hour offset included", () => {
    // Kathmandu is UTC+5:45: its new year begins at 18:15 UTC on 31 December.
    const kathmandu = "Asia/Kathmandu";
    const meeting = new Date("2027-01-04T04:15:00Z");
    expect(formatWhen(meeting, kathmandu, new Date("2026-12-31T18:14:00Z"))).toBe(
      "Monday 4 January 2027, 10am",
    );
    expect(formatWhen(meeting, kathmandu, new Date("2026-12-31T18:15:00Z"))).toBe("Monday 4 January, 10am");
    // Asked again, the same moment reads the same (the answers are remembered).
    expect(formatWhen(meeting, kathmandu, new Date("2026-12-31T18:14:59Z"))).toMatch(/2027/);
  });

  it("writes the time in the workstream's zone", () => {
    expect(formatWhen(new Date("2026-12-10T19:00:00Z"), NEW_YORK, NOW)).toBe("Thursday 10 December, 2pm");
  });

  it("writes times the way people say them: 2pm, 2:30pm, 9:05am, midday", () => {
    expect(formatTime(new Date("2026-12-10T14:00:00Z"), LONDON)).toBe("2pm");
    expect(formatTime(new Date("2026-12-10T14:30:00Z"), LONDON)).toBe("2:30pm");
    expect(formatTime(new Date("2026-12-10T09:05:00Z"), LONDON)).toBe("9:05am");
    expect(formatTime(new Date("2026-12-10T12:00:00Z"), LONDON)).toBe("midday");
    expect(formatTime(new Date("2026-12-10T12:30:00Z"), LONDON)).toBe("12:30pm");
  });
});

describe("reading how long a meeting lasts", () => {
  it.each([
    ["90m", 90],
    ["1h30m", 90],
    ["1h 30m", 90],
    ["2h", 120],
    ["2 hours", 120],
    ["1 hour", 60],
    ["45 minutes", 45],
    ["24h", 24 * 60],
  ])("reads %s as %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["0m", "25h", "nonsense", "", "h", "90", "-30m", "1.5h"])(
    "does not accept %j as a length",
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe("holding direct messages in quiet hours", () => {
  const london = defaultSettings(LONDON);
  const at = (iso: string, settings: Settings = london) =>
    afterQuietHours(new Date(iso), settings).toISOString();

  it("sends at once in the working day", () => {
    expect(at("2026-12-01T12:00:00Z")).toBe("2026-12-01T12:00:00.000Z");
  });

  it("holds a message due in the evening until 8am the next day", () => {
    expect(at("2026-12-01T21:00:00Z")).toBe("2026-12-02T08:00:00.000Z");
    expect(at("2026-12-01T20:00:00Z")).toBe("2026-12-02T08:00:00.000Z");
  });

  it("holds a message due early in the morning until 8am the same day", () => {
    expect(at("2026-12-01T06:00:00Z")).toBe("2026-12-01T08:00:00.000Z");
    expect(at("2026-12-01T08:00:00Z")).toBe("2026-12-01T08:00:00.000Z");
  });

  it("holds a message due on Friday evening until Monday 8am when weekends are quiet", () => {
    expect(at("2026-12-04T21:00:00Z")).toBe("2026-12-07T08:00:00.000Z");
    expect(at("2026-12-05T12:00:00Z")).toBe("2026-12-07T08:00:00.000Z");
    expect(at("2026-12-06T23:00:00Z")).toBe("2026-12-07T08:00:00.000Z");
  });

  it("sends at once on a Saturday when quiet weekends and quiet hours are both off", () => {
    const open: Settings = { ...london, "quiet-weekends": "off", "quiet-hours": "off" };
    expect(at("2026-12-05T12:00:00Z", open)).toBe("2026-12-05T12:00:00.000Z");
    expect(at("2026-12-05T23:00:00Z", open)).toBe("2026-12-05T23:00:00.000Z");
  });

  it("still keeps weekends quiet when only quiet hours are off", () => {
    expect(at("2026-12-05T12:00:00Z", { ...london, "quiet-hours": "off" })).toBe("2026-12-07T08:00:00.000Z");
  });

  it("follows a custom range of 21:00-07:30", () => {
    const custom: Settings = { ...london, "quiet-hours": "21:00-07:30" };
    expect(at("2026-12-01T20:30:00Z", custom)).toBe("2026-12-01T20:30:00.000Z");
    expect(at("2026-12-01T21:00:00Z", custom)).toBe("2026-12-02T07:30:00.000Z");
    expect(at("2026-12-02T07:00:00Z", custom)).toBe("2026-12-02T07:30:00.000Z");
    expect(at("2026-12-02T07:30:00Z", custom)).toBe("2026-12-02T07:30:00.000Z");
    // Weekends then end at 07:30 on Monday too.
    expect(at("2026-12-05T12:00:00Z", custom)).toBe("2026-12-07T07:30:00.000Z");
  });

  it("reads quiet hours in British Summer Time in summer", () => {
    // 10pm BST on Wednesday 1 July → 8am BST (7am UTC) on Thursday.
    expect(at("2026-07-01T21:00:00Z")).toBe("2026-07-02T07:00:00.000Z");
  });

  it("reads quiet hours in the workstream's own zone (New York)", () => {
    // 9pm on Tuesday 1 December in New York → 8am there on Wednesday.
    expect(at("2026-12-02T02:00:00Z", defaultSettings(NEW_YORK))).toBe("2026-12-02T13:00:00.000Z");
  });

  it("holds a Saturday-night message until 8am on the Sunday the clocks go back, not 7am", () => {
    const weekendsOpen: Settings = { ...london, "quiet-weekends": "off" };
    // 10pm BST on Saturday 24 October 2026; the clocks go back at 2am on Sunday 25th.
    expect(at("2026-10-24T21:00:00Z", weekendsOpen)).toBe("2026-10-25T08:00:00.000Z");
  });

  it("holds a Saturday-night message until 8am on the Sunday the clocks go forward, not 9am", () => {
    const weekendsOpen: Settings = { ...london, "quiet-weekends": "off" };
    // 10pm GMT on Saturday 27 March 2027; 8am BST on Sunday 28th is 7am UTC.
    expect(at("2027-03-27T22:00:00Z", weekendsOpen)).toBe("2027-03-28T07:00:00.000Z");
  });
});
