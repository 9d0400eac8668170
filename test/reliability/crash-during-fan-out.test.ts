import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_SEND_LIMITS } from "../../adapters/slack/slack-gateway.ts";
import { Database } from "../../adapters/sqlite/open.ts";
import { spawnBot, stopBot } from "../helpers/reliability-bot.ts";
import { seedBigMeeting } from "../helpers/reliability-seed.ts";
import { type StandInSlack, startStandInSlack } from "../helpers/reliability-slack-api.ts";

const MEMBERS = 300;
const KILLS_AT = [50, 150];

describe("a crash in the middle of sending 300 reminders", () => {
  let dir: string;
  let api: StandInSlack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cp-crash-"));
    // A few milliseconds per message, as a real API takes, so a kill lands mid-stream.
    api = await startStandInSlack({ postDelayMs: 3 });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reaches every member after SIGKILLs and restarts, repeating at most the sends in flight at each kill", async () => {
    const dbPath = join(dir, "bot.db");
    seedBigMeeting(dbPath, MEMBERS, new Date());
    const totalsAtKill: number[] = [];
    let current: ChildProcess | undefined;

    for (const killAt of KILLS_AT) {
      const killed = new Promise<void>((resolve) => {
        // Killed inside the server's handler: Slack has accepted the message, the bot has not
        // heard back yet — the worst moment, when the send is truly in flight.
        api.configure({
          postDelayMs: 3,
          onAccepted(total) {
            if (total < killAt || !current || current.killed || current.exitCode !== null) return;
            totalsAtKill.push(total);
            current.kill("SIGKILL");
            resolve();
          },
        });
      });
      const bot = await spawnBot({ databasePath: dbPath, apiUrl: api.apiUrl });
      current = bot.child;
      await killed;
      await stopBot(bot.child, "SIGKILL");
    }

    api.configure({ postDelayMs: 3 });
    const last = await spawnBot({ databasePath: dbPath, apiUrl: api.apiUrl });
    const deadline = Date.now() + 20_000;
    while (api.perChannel.size < MEMBERS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    // Give a would-be extra send time to show itself before counting.
    await new Promise((r) => setTimeout(r, 300));
    await stopBot(last.child);

    const stats = api.stats();
    expect(totalsAtKill).toHaveLength(KILLS_AT.length);
    for (const total of totalsAtKill) expect(total).toBeLessThan(MEMBERS);
    // Every member got the reminder: one DM channel each.
    expect(api.perChannel.size).toBe(MEMBERS);
    for (let n = 1; n <= MEMBERS; n++) expect(api.perChannel.get(`DU${n}`) ?? 0).toBeGreaterThanOrEqual(1);
    // At most the sends in flight at each kill are repeated: the sender keeps no more than the
    // Slack gateway's concurrency claimed (sent or being sent, not yet committed).
    expect(stats.duplicated).toBeLessThanOrEqual(KILLS_AT.length * SLACK_SEND_LIMITS.concurrency);
    const db = new Database(dbPath, { readonly: true });
    const pending = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status != 'sent'").get() as {
      n: number;
    };
    const sent = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'").get() as { n: number };
    db.close();
    expect(pending.n).toBe(0);
    expect(sent.n).toBe(MEMBERS);
  });
});
