import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { runProgram } from "./helpers/run-program.ts";

describe("configuration", () => {
  it("runs the local console with no settings, with the documented defaults", () => {
    const config = loadConfig({});
    expect(config.platforms).toEqual(["console"]);
    expect(config.databasePath).toBe("./data/common-purpose.db");
    expect(config.port).toBe(3000);
    expect(config.defaultTimezone).toBe("Europe/London");
    expect(config.outboxRetentionDays).toBe(30);
  });

  it("keeps sent messages' text for OUTBOX_RETENTION_DAYS, 30 when left empty", () => {
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: "7" }).outboxRetentionDays).toBe(7);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: "" }).outboxRetentionDays).toBe(30);
  });

  it("picks Slack when a bot token is set, and Socket Mode details when an app token is too", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1",
    });
    expect(config.platforms).toEqual(["slack"]);
    expect(config.slack?.appToken).toBe("xapp-1");
  });

  it("honours BOT_PLATFORMS, and Teams with no app id is the local Teams mode", () => {
    expect(loadConfig({ BOT_PLATFORMS: "teams" }).platforms).toEqual(["teams"]);
    expect(loadConfig({ BOT_PLATFORMS: "teams" }).teams.appId).toBe("");
    expect(loadConfig({ MicrosoftAppId: "abc" }).platforms).toEqual(["teams"]);
  });

  it.each([
    [{ PORT: "eighty" }, /^PORT is not valid: expected a port number/],
    [{ PORT: "70000" }, /^PORT is not valid/],
    [{ DEFAULT_TIMEZONE: "Mars/Olympus" }, /^DEFAULT_TIMEZONE is not valid: expected a time zone name/],
    [{ BOT_PLATFORMS: "slack,irc" }, /^BOT_PLATFORMS is not valid: expected a comma-separated list/],
    [{ SLACK_BOT_TOKEN: "abc" }, /^SLACK_BOT_TOKEN is not valid: expected a bot token starting xoxb-/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_BOT_TOKEN is not valid: .*SLACK_SIGNING_SECRET/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL is not valid/],
    [
      { OUTBOX_RETENTION_DAYS: "a month" },
      /^OUTBOX_RETENTION_DAYS is not valid: expected a whole number of days/,
    ],
    [{ OUTBOX_RETENTION_DAYS: "0" }, /^OUTBOX_RETENTION_DAYS is not valid/],
    [{ MicrosoftAppType: "Everyone" }, /^MicrosoftAppType is not valid/],
  ])("refuses %o with one line naming the variable", (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it("never puts a secret in its error message", () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-very-secret", BOT_PLATFORMS: "slack" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("very-secret");
    }
  });
});

describe("a .env file in the working directory", () => {
  const folderWith = (dotenv: string) => {
    const dir = mkdtempSync(join(tmpdir(), "cp-dotenv-"));
    writeFileSync(join(dir, ".env"), dotenv);
    return dir;
  };

  it("is read at start-up", async () => {
    const dir = folderWith("# the demo's database\nDATABASE_PATH=./from-dotenv.db\n");
    const { code, stdout } = await runProgram({}, "/quit\n", 60_000, dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`is ready (./from-dotenv.db)`);
  });

  it("gives way to the environment", async () => {
    const dir = folderWith("DATABASE_PATH=./from-dotenv.db\n");
    const fromEnv = join(dir, "from-env.db");
    const { stdout } = await runProgram({ DATABASE_PATH: fromEnv }, "/quit\n", 60_000, dir);
    expect(stdout).toContain(`is ready (${fromEnv})`);
    expect(stdout).not.toContain("from-dotenv.db");
  });

  it("is checked like the environment: a bad value stops start-up in one line", async () => {
    const dir = folderWith("PORT=lots\n");
    const { code, stderr } = await runProgram({}, "", 60_000, dir);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "Common Purpose could not start: PORT is not valid: expected a port number from 1 to 65535.",
    );
  });
});
