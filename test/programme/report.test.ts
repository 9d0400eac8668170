import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../scripts/programme-report.ts";
import { createHarness } from "../helpers/harness.ts";
import { SECRET_COMMENT, SEEDED_NAMES, seedProgrammeHistory } from "../helpers/programme-seed.ts";

// The HTML itself, checked on every machine (the browser test adds what a person sees).
let h: ReturnType<typeof createHarness>;
let dir: string;
let html: string;

/** The table with this data-table name, as rows of cell texts. */
function table(name: string): string[][] {
  const start = html.indexOf(`<table data-table="${name}">`);
  const body = html.slice(start, html.indexOf("</table>", start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1] ?? ""),
  );
}

/** The chart figure with this data-chart name. */
function chart(name: string): string {
  const start = html.indexOf(`<figure data-chart="${name}"`);
  return html.slice(start, html.indexOf("</figure>", start));
}

beforeAll(async () => {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedProgrammeHistory(h);
  dir = mkdtempSync(join(tmpdir(), "cp-report-"));
  const file = await writeReport(h.db, {
    programme: "board",
    out: join(dir, "board.html"),
    now: h.clock.now(),
  });
  html = readFileSync(file, "utf8");
}, 30_000);
afterAll(() => {
  h.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run report -- --programme (PRODUCT.md §14)", () => {
  it("is one self-contained page that needs no JavaScript and fetches nothing", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<link|<img|<iframe|url\(|src=/i);
    expect(html).toContain("<title>Programme report: Board</title>");
  });

  it("draws five charts as inline SVG, each with its expected series, alt text and a table beside it", () => {
    const expected: Record<string, string[]> = {
      listened: ["Everyone", "Carers", "Service users"],
      spoke: ["Everyone", "Carers", "Service users"],
      responses: ["Answered"],
      papers: ["On time"],
    };
    for (const [name, series] of Object.entries(expected)) {
      const figure = chart(name);
      expect(figure, name).toContain("<svg");
      expect(figure).toContain(`data-series="${series.join("|")}"`);
      // Vega draws a legend entry per series, and a mark for each point.
      for (const s of series) expect(figure).toContain(`>${s}</text>`);
      expect(figure).toMatch(/role="img" aria-label="(Line|Bar) chart: /);
      expect(figure).toContain("<figcaption>");
      expect(table(name).length).toBe(13); // a header and 12 months
    }
    const byWorkstream = chart("by-workstream");
    expect(byWorkstream).toContain('data-series="Check-ins answered|Papers on time"');
    for (const s of ["Check-ins answered", "Papers on time", "Carers voice", "Medication safety"])
      expect(byWorkstream).toContain(`>${s}</text>`);
    expect(
      (chart("listened").match(/aria-roledescription="line mark"/g) ?? []).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it("has tables that match the figures: by group, month by month, with small ones held back", () => {
    const listened = table("listened");
    expect(listened[0]).toEqual(["Month", "Everyone", "Carers", "Service users"]);
    const row = (month: string) => listened.find((r) => r[0] === month);
    expect(row("Sep 2026")).toEqual(["Sep 2026", "83% (5 of 6)", "100% (3 of 3)", "67% (2 of 3)"]);
    expect(row("Oct 2026")).toEqual(["Oct 2026", "50% (3 of 6)", "67% (2 of 3)", "33% (1 of 3)"]);
    // Only two carers answered in November: their answers are in no figure.
    expect(row("Nov 2026")).toEqual(["Nov 2026", "100% (3 of 3)", "too few answers", "100% (3 of 3)"]);
    expect(row("Dec 2026")?.slice(1)).toEqual(["no check-ins", "no check-ins", "no check-ins"]);
    const responses = table("responses");
    expect(responses.find((r) => r[0] === "Oct 2026")).toEqual(["Oct 2026", "86% (6 of 7)"]);
    expect(table("papers").find((r) => r[0] === "Oct 2026")).toEqual(["Oct 2026", "0% (0 of 1)"]);
    expect(table("by-workstream").slice(1)).toEqual([
      ["Carers voice", "89% (8 of 9)", "no papers sent"],
      ["Medication safety", "90% (9 of 10)", "67% (2 of 3)"],
    ]);
    const summary = table("summary");
    expect(summary.map((r) => r[0])).toEqual([
      "Workstream",
      "Carers voice",
      "Medication safety",
      "Whole programme",
    ]);
    expect(summary[0]?.slice(1, 7)).toEqual([
      "Meetings held",
      "Meetings planned",
      "Papers sent on time",
      "Check-ins answered",
      "Felt listened to",
      "Able to say what they wanted",
    ]);
  });

  it("holds no member's name, comment or answer anywhere in the file", () => {
    for (const name of SEEDED_NAMES) expect(html).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(html).not.toContain(SECRET_COMMENT);
    expect(html).not.toMatch(/privately|worry/);
  });

  it("writes one workstream's page with --workstream", async () => {
    const file = await writeReport(h.db, {
      workstream: "Carers voice",
      out: join(dir, "carers.html"),
      now: h.clock.now(),
    });
    const page = readFileSync(file, "utf8");
    expect(page).toContain("<title>Workstream report: Carers voice</title>");
    expect(page).not.toContain("Medication safety");
  });
});
