import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnBot, stopBot } from "../test/helpers/reliability-bot.ts";
import type { Child } from "./helpers/child.ts";
import { rssMb } from "./helpers/child.ts";
import { figure, heading, median, remember } from "./report.ts";
import { timeTicks } from "./scheduler-scale.ts";

/**
 * Start-up time to ready (`node --import tsx src/main.ts` until GET /health is 200) and idle
 * resident memory, on an empty database and on the large data set (100 × 50 × 3 years).
 */
export async function footprint(api: Child, seeded?: string) {
  heading("4. Footprint (node --import tsx src/main.ts, Slack over HTTP)");
  const dir = mkdtempSync(join(tmpdir(), "cp-footprint-"));
  try {
    const large = seeded && existsSync(seeded) ? seeded : join(dir, "large.db");
    if (large !== seeded) await timeTicks({ workstreams: 100, members: 50, years: 3 }, large);
    for (const [name, path] of [
      ["empty database", join(dir, "empty.db")],
      ["100 × 50 × 3 years", large],
    ] as const) {
      const times: number[] = [];
      let idle: number | undefined;
      for (let i = 0; i < 3; i++) {
        const bot = await spawnBot({ databasePath: path, apiUrl: String(api.ready.apiUrl) });
        times.push(bot.readyMs);
        if (i === 2) {
          await new Promise((r) => setTimeout(r, 3000));
          idle = await rssMb(bot.child.pid as number);
        }
        await stopBot(bot.child);
      }
      figure(`${name}: start-up to ready, median of 3`, median(times), "ms");
      figure(`${name}: idle RSS after 3 s`, idle, "MB");
      remember(`start-up / idle RSS, ${name}`, `${median(times).toFixed(0)} ms / ${idle?.toFixed(0)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
