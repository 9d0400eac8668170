import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { commandLists, TEAMS_LIMITS, TEAMS_MANIFEST, teamsManifest } from "../../scripts/manifests.ts";
import { placeholder } from "../../scripts/teams-package.ts";
import { COMMANDS, VERBS } from "../../src/commands/catalog.ts";

const DIR = new URL("../../adapters/teams/appPackage/", import.meta.url);

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
}

const committed = readFileSync(TEAMS_MANIFEST, "utf8");
const manifest = JSON.parse(committed) as Manifest;

/** Width, height and colour type of a PNG, read from its IHDR chunk; checks the pixel data inflates. */
function pngInfo(file: string) {
  const data = readFileSync(new URL(file, DIR));
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  const idat = data.indexOf("IDAT");
  const length = data.readUInt32BE(idat - 4);
  const pixels = inflateSync(data.subarray(idat + 4, idat + 4 + length));
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colorType: data[25], pixels };
}

describe("the Teams app package", () => {
  it("has the command lists `npm run manifests` writes from the command catalog", () => {
    expect(committed, "run npm run manifests and commit the result").toBe(teamsManifest(committed));
  });

  it("keeps everything but the command lists when regenerated", () => {
    const regenerated = JSON.parse(teamsManifest(committed)) as Manifest;
    const strip = (m: Manifest) => ({ ...m, bots: m.bots.map((b) => ({ ...b, commandLists: [] })) });
    expect(strip(regenerated)).toEqual(strip(manifest));
  });

  it("stops when its menu names a command the catalog no longer has", () => {
    const renamed = COMMANDS.filter((c) => !(c.verb === "meeting" && c.sub === "list"));
    expect(() => commandLists(renamed)).toThrow(/"meeting list", which is not in the catalog/);
  });

  it("is a manifest on a current schema, with the placeholders the build fills in", () => {
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(22);
    expect(manifest.id).toBe(placeholder("TEAMS_APP_ID"));
    expect(manifest.bots[0]?.botId).toBe(placeholder("BOT_ID"));
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.bots[0]?.scopes).toEqual(expect.arrayContaining(["personal", "team"]));
  });

  it("lists at most 3 command lists of 12, each command one the bot understands", () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.length).toBeLessThanOrEqual(TEAMS_LIMITS.lists);
    const scopes = lists.flatMap((l) => l.scopes);
    expect(new Set(scopes).size, "one list per scope").toBe(scopes.length);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(TEAMS_LIMITS.commands);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(TEAMS_LIMITS.title);
        expect(command.description.length).toBeLessThanOrEqual(TEAMS_LIMITS.description);
        const [verb = "", sub = ""] = command.title.split(" ");
        expect(VERBS, command.title).toContain(verb);
        if (verb === "help") continue;
        const known = COMMANDS.filter((c) => c.verb === verb).map((c) => c.sub);
        expect(known, command.title).toContain(sub);
      }
    }
  });

  it("has a 192×192 colour icon and a 32×32 transparent outline icon", () => {
    const color = pngInfo(manifest.icons.color);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pngInfo(manifest.icons.outline);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6);
    // Outline icons are white on transparent: every pixel is either.
    const alphas = new Set<number>();
    for (let row = 0; row < 32; row++) {
      for (let x = 0; x < 32; x++) {
        const at = row * (1 + 32 * 4) + 1 + x * 4;
        const [r, g, b, a] = outline.pixels.subarray(at, at + 4);
        if (a !== 0) expect([r, g, b]).toEqual([255, 255, 255]);
        alphas.add(a ?? -1);
      }
    }
    expect([...alphas].sort()).toEqual([0, 255]);
  });
});
