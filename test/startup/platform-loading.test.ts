import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot, stopBot } from "../helpers/reliability-bot.ts";
import { type StandInSlack, startStandInSlack } from "../helpers/reliability-slack-api.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MAIN = join(ROOT, "src/main.ts");
const REPORT = join(ROOT, "test/helpers/report-loaded-modules.cjs");

/** The packages a process loaded, from the report printed as it exited. */
function packagesIn(output: string): { bolt: boolean; botbuilder: boolean; vega: boolean } {
  const line = /loaded-modules: (.*)/.exec(output)?.[1];
  if (!line) throw new Error(`no module report in: ${output.slice(-500)}`);
  const files = JSON.parse(line) as string[];
  return {
    bolt: files.some((f) => f.includes("/node_modules/@slack/bolt/")),
    botbuilder: files.some((f) => /\/node_modules\/(botbuilder|botframework-)/.test(f)),
    // The report's charting library: only `npm run report` loads it, never the bot.
    vega: files.some((f) => /\/node_modules\/vega(-[a-z-]+)?\//.test(f)),
  };
}

describe("start-up loads only the platforms configured", () => {
  let dir: string;
  let api: StandInSlack;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cp-loading-"));
    api = await startStandInSlack();
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens the console without loading Bolt or botbuilder", () => {
    const run = spawnSync(process.execPath, ["--require", REPORT, "--import", "tsx", MAIN], {
      cwd: ROOT,
      input: "/help\n",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: join(dir, "c.db") },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stdout).toContain("/meeting");
    expect(packagesIn(run.stderr)).toEqual({ bolt: false, botbuilder: false, vega: false });
  });

  it("serves Slack without loading botbuilder", async () => {
    const bot = await spawnBot({
      databasePath: join(dir, "s.db"),
      apiUrl: api.apiUrl,
      nodeArgs: ["--require", REPORT, "--import", "tsx", MAIN],
    });
    await stopBot(bot.child);
    // The report is the last thing written; give the pipe a moment to deliver it.
    for (let i = 0; i < 50 && !bot.output().includes("loaded-modules:"); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(packagesIn(bot.output())).toEqual({ bolt: true, botbuilder: false, vega: false });
  });
});
