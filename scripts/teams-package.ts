/**
 * Builds the Teams app package to upload (Teams admin centre, or "Upload a custom app"):
 * manifest.json with the ids filled in, and the two icons, zipped.
 *
 *   MicrosoftAppId=<bot app id> TEAMS_APP_ID=<a GUID> tsx scripts/teams-package.ts
 *
 * TEAMS_APP_ID defaults to the bot's app id, which Teams accepts. Writes
 * adapters/teams/appPackage/build/common-purpose.zip. `--icons` redraws the icons.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";

const HERE = join(import.meta.dirname, "..", "adapters", "teams", "appPackage");

/** A PNG of `size`×`size` RGBA pixels from a function of (x, y). */
export function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Two overlapping rings (people meeting): full colour 192×192, and a white 32×32 outline on transparent. */
export function drawIcons(): { color: Buffer; outline: Buffer } {
  const ring = (x: number, y: number, cx: number, cy: number, r: number, w: number) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= w;
  const color = png(192, (x, y) =>
    ring(x, y, 76, 96, 44, 9) || ring(x, y, 116, 96, 44, 9) ? [255, 255, 255, 255] : [46, 111, 94, 255],
  );
  const outline = png(32, (x, y) =>
    ring(x, y, 12.5, 16, 8, 1.3) || ring(x, y, 19.5, 16, 8, 1.3) ? [255, 255, 255, 255] : [0, 0, 0, 0],
  );
  return { color, outline };
}

/** A zip with stored (uncompressed) entries: enough for three small files. */
export function zip(files: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** `${{NAME}}`, the Teams Toolkit's placeholder form (built up so it is not read as a template). */
export function placeholder(name: string): string {
  return `$${"{{"}${name}}}`;
}

function main(): void {
  if (process.argv.includes("--icons") || !existsSync(join(HERE, "color.png"))) {
    const { color, outline } = drawIcons();
    writeFileSync(join(HERE, "color.png"), color);
    writeFileSync(join(HERE, "outline.png"), outline);
  }
  const botId = process.env.MicrosoftAppId ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(botId)) {
    console.error("Set MicrosoftAppId to the bot's app id (a GUID from the Azure Bot registration).");
    process.exit(1);
  }
  const appId = process.env.TEAMS_APP_ID || botId;
  const manifest = readFileSync(join(HERE, "manifest.json"), "utf8")
    .replaceAll(placeholder("TEAMS_APP_ID"), appId)
    .replaceAll(placeholder("BOT_ID"), botId);
  const out = join(HERE, "build");
  mkdirSync(out, { recursive: true });
  const file = join(out, "common-purpose.zip");
  writeFileSync(
    file,
    zip([
      { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
      { name: "color.png", data: readFileSync(join(HERE, "color.png")) },
      { name: "outline.png", data: readFileSync(join(HERE, "outline.png")) },
    ]),
  );
  console.log(`Wrote ${file}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
