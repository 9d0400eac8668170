import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { UMBRELLA, VERBS } from "../../src/commands/catalog.ts";

// Slack refuses a whole manifest that names one of its built-in commands.
const RESERVED = [
  "/me",
  "/status",
  "/away",
  "/dnd",
  "/shrug",
  "/remind",
  "/msg",
  "/feed",
  "/who",
  "/collapse",
  "/expand",
  "/leave",
  "/join",
  "/open",
  "/search",
  "/topic",
  "/mute",
  "/pro",
  "/shortcuts",
];

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: Array<{
      command: string;
      description: string;
      usage_hint?: string;
      should_escape: boolean;
      url: string;
    }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8"),
) as Manifest;

describe("the Slack app manifest", () => {
  it("lists exactly the slash commands the bot understands", () => {
    const listed = manifest.features.slash_commands.map((c) => c.command).sort();
    expect(listed).toEqual([...VERBS, UMBRELLA].map((v) => `/${v}`).sort());
  });

  it("uses none of Slack's built-in command names, and only valid ones", () => {
    for (const { command } of manifest.features.slash_commands) {
      expect(RESERVED).not.toContain(command);
      expect(command).toMatch(/^\/[a-z0-9_-]{1,32}$/);
    }
  });

  it("asks Slack to escape mentions and describes every command", () => {
    for (const command of manifest.features.slash_commands) {
      expect(command.should_escape).toBe(true);
      expect(command.description.length).toBeGreaterThan(10);
      expect(command.url).toMatch(/\/slack\/events$/);
    }
  });

  it("subscribes to DMs and the Home tab, with the scopes those need", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "message.im",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        "commands",
        "chat:write",
        "im:write",
        "im:history",
        "users:read",
        "channels:read",
        "groups:read",
      ]),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
