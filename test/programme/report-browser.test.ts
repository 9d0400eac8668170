import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../scripts/programme-report.ts";
import { createHarness } from "../helpers/harness.ts";
import { decodePng } from "../helpers/png.ts";
import { SECRET_COMMENT, SEEDED_NAMES, seedProgrammeHistory } from "../helpers/programme-seed.ts";

// The report as a person sees it: opened in a real headless Chromium, screenshotted, and its
// rendered page read back. CI (.ci/run) installs Debian's chromium; on a machine without one
// this is skipped and says so, while test/programme/report.test.ts still checks the HTML.

const run = promisify(execFile);
const CANDIDATES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

/** CHROMIUM_PATH names the browser (or "none" to run without one); otherwise it is looked for on PATH. */
function findChromium(): string | undefined {
  const named = process.env.CHROMIUM_PATH;
  if (named) return named === "none" ? undefined : named;
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of CANDIDATES)
    for (const dir of dirs) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {}
    }
  return undefined;
}

const chromium = findChromium();
if (!chromium)
  console.warn(
    "report-browser.test.ts: SKIPPED — no Chromium found on PATH (CI installs Debian's chromium).",
  );

/** The colours Vega's "dark2" scheme gives the first three series (Everyone, then two groups). */
const SERIES_COLOURS: Array<[string, [number, number, number]]> = [
  ["Everyone", [0x1b, 0x9e, 0x77]],
  ["Carers", [0xd9, 0x5f, 0x02]],
  ["Service users", [0x75, 0x70, 0xb3]],
];

let h: ReturnType<typeof createHarness>;
let dir: string;
let file: string;

beforeAll(async () => {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedProgrammeHistory(h);
  dir = mkdtempSync(join(tmpdir(), "cp-browser-"));
  file = await writeReport(h.db, { programme: "Board", out: join(dir, "board.html"), now: h.clock.now() });
}, 30_000);
afterAll(() => {
  h.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const flags = () => [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--hide-scrollbars",
  `--user-data-dir=${join(dir, "profile")}`,
  "--window-size=1280,2400",
];

describe("the report opened in a browser", () => {
  it.skipIf(!chromium)(
    `renders its charts: a screenshot that is not blank and shows each series' colour${chromium ? "" : " (SKIPPED: no Chromium on this machine)"}`,
    async () => {
      const shot = join(dir, "shot.png");
      await run(chromium as string, [...flags(), `--screenshot=${shot}`, `file://${file}`], {
        timeout: 60_000,
      });
      const png = decodePng(readFileSync(shot));
      expect(png.width).toBe(1280);
      let inked = 0;
      const found = new Map(SERIES_COLOURS.map(([name]) => [name, 0]));
      for (let y = 0; y < png.height; y += 1)
        for (let x = 0; x < png.width; x += 1) {
          const [r, g, b] = png.at(x, y);
          if (r < 240 || g < 240 || b < 240) inked++;
          for (const [name, [cr, cg, cb]] of SERIES_COLOURS)
            if (Math.abs(r - cr) < 12 && Math.abs(g - cg) < 12 && Math.abs(b - cb) < 12)
              found.set(name, (found.get(name) ?? 0) + 1);
        }
      // Text, tables and charts: far more than a blank page's nothing.
      expect(inked / (png.width * png.height)).toBeGreaterThan(0.02);
      for (const [name, pixels] of found) expect(pixels, `pixels of ${name}'s line`).toBeGreaterThan(50);
    },
    90_000,
  );

  it.skipIf(!chromium)(
    `lays out non-empty SVG charts with the expected series and tables that match the figures${chromium ? "" : " (SKIPPED: no Chromium on this machine)"}`,
    async () => {
      const { stdout: dom } = await run(chromium as string, [...flags(), "--dump-dom", `file://${file}`], {
        timeout: 60_000,
        maxBuffer: 20_000_000,
      });
      const svgs = [...dom.matchAll(/<svg[^>]*width="(\d+)" height="(\d+)"/g)];
      expect(svgs).toHaveLength(5);
      for (const [, w, hgt] of svgs) expect(Number(w) * Number(hgt)).toBeGreaterThan(10_000);
      for (const [name] of SERIES_COLOURS) expect(dom).toContain(`>${name}</text>`);
      expect(dom).toMatch(
        /<th scope="row">Sep 2026<\/th><td>83% \(5 of 6\)<\/td><td>100% \(3 of 3\)<\/td><td>67% \(2 of 3\)<\/td>/,
      );
      for (const name of SEEDED_NAMES) expect(dom).not.toMatch(new RegExp(`\\b${name}\\b`));
      expect(dom).not.toContain(SECRET_COMMENT);
    },
    90_000,
  );
});
