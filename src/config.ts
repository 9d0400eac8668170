import { existsSync } from "node:fs";
import { IANAZone } from "luxon";
import { z } from "zod";

const PLATFORMS = ["slack", "teams", "console"] as const;
export type Platform = (typeof PLATFORMS)[number];

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** The environment (PRODUCT.md §8). This file is the only reader of process.env. */
const EnvSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("./data/common-purpose.db"),
  PORT: z.coerce
    .number({ message: "a port number from 1 to 65535" })
    .int("a port number from 1 to 65535")
    .min(0, "a port number from 1 to 65535")
    .max(65535, "a port number from 1 to 65535")
    .default(3000),
  SLACK_BOT_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith("xoxb-"),
    "a bot token starting xoxb-",
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith("xapp-"),
    "an app-level token starting xapp-",
  ),
  SLACK_API_URL: optional.refine((v) => v === undefined || /^https?:\/\//.test(v), "an http(s) URL"),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.refine(
    (v) => v === undefined || ["MultiTenant", "SingleTenant", "UserAssignedMSI"].includes(v),
    "MultiTenant, SingleTenant or UserAssignedMSI",
  ),
  MicrosoftAppTenantId: optional,
  BOT_PLATFORMS: optional.refine(
    (v) => v === undefined || v.split(",").every((p) => (PLATFORMS as readonly string[]).includes(p.trim())),
    "a comma-separated list of slack, teams, console",
  ),
  DEFAULT_TIMEZONE: z
    .string()
    .default("Europe/London")
    .refine((v) => IANAZone.isValidZone(v), "a time zone name such as Europe/London"),
  // An empty value means the default, not 0 days.
  OUTBOX_RETENTION_DAYS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ message: "a whole number of days, 1 or more" })
      .int("a whole number of days, 1 or more")
      .min(1, "a whole number of days, 1 or more")
      .default(30),
  ),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),
  NODE_ENV: optional,
});

export interface Config {
  databasePath: string;
  port: number;
  platforms: Platform[];
  slack?: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string };
  teams: { appId: string; appPassword: string; appType?: string; tenantId?: string };
  defaultTimezone: string;
  /** Days a sent message's body is kept in the outbox. */
  outboxRetentionDays: number;
  logLevel: NonNullable<z.infer<typeof EnvSchema>["LOG_LEVEL"]>;
  production: boolean;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Adds the settings in a `.env` file in the working directory to the environment, if there is
 * one. Node's own reader never overrides a variable already set, so the environment wins.
 */
export function loadEnvFile(path = ".env"): void {
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    throw new ConfigError(`${path} could not be read (${code}).`);
  }
}

/** Reads and checks the environment; throws a ConfigError naming the variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`${name} is not valid: expected ${issue?.message ?? "a valid value"}.`);
  }
  const e = parsed.data;
  const platforms = e.BOT_PLATFORMS
    ? [...new Set(e.BOT_PLATFORMS.split(",").map((p) => p.trim() as Platform))]
    : e.SLACK_BOT_TOKEN
      ? (["slack", ...(e.MicrosoftAppId ? ["teams" as const] : [])] as Platform[])
      : e.MicrosoftAppId
        ? (["teams"] as Platform[])
        : (["console"] as Platform[]);
  if (
    platforms.includes("slack") &&
    (!e.SLACK_BOT_TOKEN || (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN))
  ) {
    throw new ConfigError(
      "SLACK_BOT_TOKEN is not valid: expected a bot token (xoxb-…) together with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).",
    );
  }
  return {
    databasePath: e.DATABASE_PATH,
    port: e.PORT,
    platforms,
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET ?? "",
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
            ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
          },
        }
      : {}),
    teams: {
      appId: e.MicrosoftAppId ?? "",
      appPassword: e.MicrosoftAppPassword ?? "",
      ...(e.MicrosoftAppType ? { appType: e.MicrosoftAppType } : {}),
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
    },
    defaultTimezone: e.DEFAULT_TIMEZONE,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    // The console shares the terminal with its user, so it only logs warnings unless asked.
    logLevel: e.LOG_LEVEL ?? (platforms.length === 1 && platforms[0] === "console" ? "warn" : "info"),
    production: e.NODE_ENV === "production",
  };
}
