import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_BUILT_INS, SLACK_MANIFEST, slackManifest, slashCommands } from "../../scripts/manifests.ts";
import { COMMANDS, UMBRELLA, VERBS } from "../../src/commands/catalog.ts";
import type { CommandSpec } from "../../src/commands/spec.ts";

// Slack refuses a whole manifest that names one of its built-in commands.
const RESERVED = SLACK_BUILT_INS.map((name) => `/${name}`);

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

const committed = readFileSync(SLACK_MANIFEST, "utf8");
const manifest = parse(committed) as Manifest;

/** A command as a new one would be added to the catalog. */
function spec(verb: string, sub = "", usage = `/${verb}`): CommandSpec {
  // A new verb is not in the catalog's unions yet: that is the point of the test.
  return {
    verb: verb as CommandSpec["verb"],
    sub: sub as CommandSpec["sub"],
    usage,
    example: usage,
    summary: `do the ${verb} thing`,
    who: "members",
    needsWorkstream: true,
    parse: () => undefined,
    run: () => ({ text: "", blocks: [] }),
  };
}

describe("the Slack app manifest", () => {
  it("is what `npm run manifests` writes from the command catalog", () => {
    expect(committed, "run npm run manifests and commit the result").toBe(slackManifest(committed));
  });

  it("keeps its comments and everything but the command list when regenerated", () => {
    const regenerated = slackManifest(committed);
    for (const line of committed.split("\n").filter((l) => l.trim().startsWith("#"))) {
      expect(regenerated).toContain(line);
    }
    const { features, ...rest } = parse(regenerated) as Manifest;
    const { features: before, ...restBefore } = manifest;
    expect(rest).toEqual(restBefore);
    expect({ ...features, slash_commands: [] }).toEqual({ ...before, slash_commands: [] });
  });

  it("gives a new verb its own slash command, described from the catalog", () => {
    const commands = slashCommands("https://example.org/slack/events", [
      ...COMMANDS,
      spec("vote", "open", "/vote open <question>"),
      spec("vote", "close", "/vote close <V-n>"),
    ]);
    expect(commands.find((c) => c.command === "/vote")).toEqual({
      command: "/vote",
      url: "https://example.org/slack/events",
      description: "Do the vote thing",
      usage_hint: "[open <question> | close <V-n>]",
      should_escape: true,
    });
    expect(commands.at(-1)?.command).toBe(`/${UMBRELLA}`);
    // A command that takes nothing gets no usage hint rather than an empty one.
    const bare = slashCommands("https://example.org/slack/events", [spec("tally")]);
    expect(bare[0]).not.toHaveProperty("usage_hint");
  });

  it("refuses a catalog Slack would refuse: over 50 commands, a long or built-in name", () => {
    const many = Array.from({ length: 49 }, (_, i) => spec(`verb${i}`));
    expect(() => slashCommands("https://example.org/slack/events", many)).toThrow(/51 slash commands/);
    expect(() => slashCommands("https://example.org/slack/events", [spec("a".repeat(32))])).toThrow(
      /at most 32/,
    );
    expect(() => slashCommands("https://example.org/slack/events", [spec("remind")])).toThrow(
      /one of Slack's own commands/,
    );
  });

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
