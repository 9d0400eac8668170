import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdapterDataStore } from "../../adapters/sqlite/adapter-data-store.ts";
import { migrate } from "../../adapters/sqlite/migrate.ts";
import { openDatabase } from "../../adapters/sqlite/open.ts";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { type Bot, createBot } from "../../src/bot.ts";
import { silentLogger } from "../../src/ports/logger.ts";

/**
 * The latency benches' bot: a workstream set up in `channel` by person 1, with 39 more members
 * (person 2 the chair) and six meetings a fortnight apart, on a temporary SQLite file. `person`
 * gives each platform's identity for person n.
 */
export async function seededBot(options: {
  platform: string;
  channel: string;
  setupText: string;
  person: (n: number) => { key: string; name: string; dm: string };
}): Promise<Bot> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "cp-bench-")), "bench.db"));
  migrate(db);
  const store = createSqliteStore(db);
  const bot = createBot({
    store,
    adapterData: createAdapterDataStore(db),
    clock: { now: () => new Date() },
    log: silentLogger,
    defaultTimezone: "Europe/London",
  });
  await bot.command({
    platform: options.platform,
    actor: options.person(1),
    channel: options.channel,
    text: options.setupText,
  });
  const ws = store.workstreams.byChannel(options.channel);
  if (!ws) throw new Error("seeding failed");
  const now = new Date();
  store.transaction(() => {
    for (let n = 2; n <= 40; n++) {
      const person = store.people.upsert(options.person(n));
      store.members.add({
        workstreamId: ws.id,
        personId: person.id,
        role: n === 2 ? "chair" : "member",
        group: "carer",
        now,
      });
    }
    for (let m = 1; m <= 6; m++) {
      const startsAt = new Date(now.getTime() + m * 14 * 86_400_000);
      store.meetings.create({
        workstreamId: ws.id,
        title: `Meeting ${m}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        now,
      });
    }
  });
  return bot;
}
