// A child process that fans one check-in (or, without check-ins, the day-before reminder) out
// to N members through the real Slack gateway (or, with `teams`, the real Teams gateway and
// CloudAdapter, every member's 1:1 chat reference stored beforehand), driven like the ticker
// with the real clock. Arguments: the Web API URL (Slack) or connector serviceUrl (Teams), N,
// and the platform.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSlack } from "../../adapters/slack/slack-app.ts";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { startTeams } from "../../adapters/teams/teams-app.ts";
import { createBot } from "../../src/bot.ts";
import { VERBS } from "../../src/commands/catalog.ts";
import { defaultSettings } from "../../src/domain/settings.ts";
import { silentLogger } from "../../src/ports/logger.ts";

const [apiUrl, membersArg, platformArg] = process.argv.slice(2);
const MEMBERS = Number(membersArg ?? 1000);
const teams = platformArg === "teams";
/** A member's address and key: a Slack user id, or a Teams user id (29:…). */
const address = (n: number) => (teams ? `teams:29:fan${n}` : `slack:U${n}`);
const CHANNEL = teams ? "teams:19:fan@thread.tacv2" : "slack:CFAN";
const HOUR = 3_600_000;

const db = openDatabase(join(mkdtempSync(join(tmpdir(), "cp-fanout-")), "bench.db"));
migrate(db);
const store = createSqliteStore(db);
const bot = createBot({
  store,
  adapterData: createAdapterDataStore(db),
  clock: { now: () => new Date() },
  log: silentLogger,
  defaultTimezone: "Europe/London",
});
const now = new Date();
const checkIns = VERBS.includes("checkin");
// No quiet hours, so the run does not depend on the time of day it happens to start.
const settings = {
  ...defaultSettings("Europe/London"),
  "quiet-hours": "off",
  "quiet-weekends": "off" as const,
};
store.transaction(() => {
  const ws = store.workstreams.create({ name: "Fan-out", channel: CHANNEL, settings, now });
  const references = bot.adapterData("teams");
  for (let n = 0; n <= MEMBERS; n++) {
    const person = store.people.upsert({ key: address(n), name: `Person ${n}`, dm: address(n) });
    if (teams) {
      // As if each member had installed the app: their 1:1 chat's reference is stored.
      const reference = {
        channelId: "msteams",
        serviceUrl: String(apiUrl),
        bot: { id: "28:fanbot", name: "" },
        user: { id: `29:fan${n}`, name: "" },
        conversation: { id: `a:fan${n}`, isGroup: false, conversationType: "personal", name: "" },
      };
      references.put(address(n), { kind: "conversation", reference }, address(n));
    }
    store.members.add({
      workstreamId: ws.id,
      personId: person.id,
      role: n === 0 ? "chair" : "member",
      group: "carer",
      now,
    });
  }
  const startsAt = checkIns ? new Date(now.getTime() - 2 * HOUR) : new Date(now.getTime() + 23 * HOUR);
  store.meetings.create({
    workstreamId: ws.id,
    title: "Big meeting",
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    now,
  });
});
if (teams) await startTeams({ appId: "", appPassword: "", production: false, bot, log: silentLogger });
else
  await startSlack({
    botToken: "xoxb-bench",
    signingSecret: "unused",
    apiUrl: String(apiUrl),
    bot,
    log: silentLogger,
  });

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let queued: string;
if (checkIns) {
  const reply = await bot.command({
    platform: teams ? "teams" : "slack",
    actor: { key: address(0), name: "Person 0", dm: address(0) },
    channel: CHANNEL,
    text: "/checkin start M-1",
  });
  if (reply.error) throw new Error(`check-in refused: ${reply.error}`);
  queued = "check-in";
} else {
  await bot.tick();
  queued = "day-before reminder";
}
// The ticker's loop, on the real clock: deliver whenever the next row is due.
for (;;) {
  const next = bot.nextDueAt();
  if (!next) break;
  const wait = next.getTime() - Date.now();
  if (wait <= 0) await bot.deliver();
  else await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const counts = store.outbox.countByStatus();
process.send?.({
  kind: "ready",
  queued,
  seconds,
  counts,
  peakRssMb: peak / 1048576,
  rssBeforeMb: rssBefore / 1048576,
});
process.on("disconnect", () => process.exit(0));
