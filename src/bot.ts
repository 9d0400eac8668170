import { handleAction, type InboundAction } from "./commands/actions.ts";
import { type CommandReply, handleCommand, type InboundCommand } from "./commands/router.ts";
import { emptyOldMessages, forgetOldDeliveries } from "./outbox/retention.ts";
import { createSender } from "./outbox/sender.ts";
import type { AdapterData, AdapterDataStore } from "./ports/adapter-data.ts";
import type { ChatGateway } from "./ports/chat-gateway.ts";
import type { Clock } from "./ports/clock.ts";
import type { Core } from "./ports/core.ts";
import type { Logger } from "./ports/logger.ts";
import type { Store } from "./ports/store.ts";
import { queueDueWork } from "./scheduling/due-work.ts";
import type { ActionResult } from "./use-cases/action-result.ts";
import { showHome } from "./use-cases/show-home.ts";

export interface BotOptions {
  store: Store;
  /** What the adapters keep about their own addresses; the core never reads it. */
  adapterData: AdapterDataStore;
  clock: Clock;
  log: Logger;
  defaultTimezone: string;
  /** Days a sent message's body is kept (default 30). */
  outboxRetentionDays?: number;
}

/**
 * The platform-neutral bot that every adapter talks to: commands and clicks in, and a tick
 * that queues due work and delivers the outbox. Gateways are registered by the adapters.
 * Adapters get what they need by name here, never the core itself.
 */
export function createBot(options: BotOptions) {
  const { adapterData, ...coreOptions } = options;
  const gateways = new Map<string, ChatGateway>();
  const core: Core = {
    ...coreOptions,
    outboxRetentionDays: options.outboxRetentionDays ?? 30,
    gateways,
  };
  const sender = createSender(core);
  /**
   * Looks at the outbox now rather than at the next tick, after every command and click that
   * wrote anything, so no use case has to remember to. A command that wrote nothing (most are
   * reads) queued nothing either, and what falls due with time has the sender's own timer.
   * Deferred so the person's own reply (Slack's ack, the console's answer) goes first.
   */
  const wake = (writesBefore: number) => {
    if (core.store.writes() === writesBefore) return;
    setImmediate(() => {
      sender
        .deliver()
        .catch((error: unknown) => options.log.error({ err: String(error) }, "delivery failed"));
    });
  };
  return {
    addGateway(gateway: ChatGateway) {
      gateways.set(gateway.platform, gateway);
    },
    command: async (inbound: InboundCommand): Promise<CommandReply> => {
      const before = core.store.writes();
      const reply = await handleCommand(core, inbound);
      wake(before);
      return reply;
    },
    action: (inbound: InboundAction): ActionResult => {
      const before = core.store.writes();
      const result = handleAction(core, inbound);
      wake(before);
      return result;
    },
    /** The person's home view (Slack App Home). */
    home: (actor: { key: string; name: string; dm: string }) =>
      showHome(core, core.store.people.upsert(actor)),
    /** Remembers a platform delivery; false when it was handled before (retries, double clicks). */
    firstSeen: (key: string) => core.store.inbound.firstSeen(key, core.clock.now()),
    /** Queues whatever is due now and sends what can go. Resolves to how many were sent. */
    async tick(): Promise<number> {
      const queued = queueDueWork(core);
      if (queued > 0) options.log.info({ queued }, "queued due work");
      emptyOldMessages(core);
      forgetOldDeliveries(core);
      return sender.deliver();
    },
    /** Sends what is due without looking for new work (after a command, or a retry timer). */
    deliver: () => sender.deliver(),
    nextDueAt: () => sender.nextDueAt(),
    /** One adapter's own key-value store (DM channel ids, conversation references). */
    adapterData: (platform: string): AdapterData => ({
      get: (key) => adapterData.get(platform, key),
      put: (key, value, personKey) => adapterData.put(platform, key, value, core.clock.now(), personKey),
    }),
  };
}

export type Bot = ReturnType<typeof createBot>;
