import cron from "node-cron";
import type { Logger } from "../../src/ports/logger.ts";

export interface Tickable {
  tick(): Promise<number>;
  deliver(): Promise<number>;
  nextDueAt(): Date | undefined;
}

const POLL_MS = 1000;

/**
 * Drives the scheduler: a node-cron tick every minute asks the database what is due (node-cron
 * remembers nothing across a restart and skips missed slots, so due work is never kept in a
 * timer). Between ticks a cheap indexed poll wakes the sender for retries due sooner, such as
 * a rate limit's Retry-After.
 */
export function startTicker(bot: Tickable, log: Logger, now: () => number = Date.now) {
  const report = (error: unknown) => log.error({ err: String(error) }, "scheduler tick failed");
  const task = cron.schedule("* * * * *", () => bot.tick().catch(report), {
    name: "scheduler-tick",
    noOverlap: true,
  });
  const poll = setInterval(() => {
    const next = bot.nextDueAt();
    if (next && next.getTime() <= now()) bot.deliver().catch(report);
  }, POLL_MS);
  poll.unref();
  // Work that fell due while the bot was down is done now, not at the next minute.
  const first = bot.tick().catch(report);
  return {
    first,
    async stop() {
      clearInterval(poll);
      await task.stop();
    },
  };
}
