import type { Message } from "../messages/message.ts";

/**
 * How the core reaches a platform. Addresses are opaque strings made by the adapter
 * (`slack:D123`, `teams:<id>`, `console:@sam`); the prefix before the first colon names the
 * platform, and only that adapter decodes the rest.
 */
export interface ChatGateway {
  readonly platform: string;
  /**
   * What a rate limit applies to: the whole platform (Slack's limits are per workspace and
   * method) or one conversation (Teams throttles each chat on its own). Default "platform".
   */
  readonly rateLimitScope?: "platform" | "address";
  /** How hard the outbox may push this platform; every field optional (see SendLimits). */
  readonly limits?: SendLimits;
  /**
   * Delivers one message; throws a DeliveryError when it could not. May resolve to the
   * platform's reference to the message it posted (opaque, only this gateway reads it), which
   * the outbox keeps so the message can be updated in place later.
   */
  send(address: string, message: Message): Promise<SentRef>;
  /**
   * Rewrites a message sent earlier, in place (Slack chat.update, Teams updateActivity): `ref`
   * is what `send` resolved to. Throws a DeliveryError like `send`. A gateway without it cannot
   * update, and update rows for it are dropped.
   */
  update?(address: string, ref: string, message: Message): Promise<void>;
  /** People in a channel, for `/workstream sync`; undefined when the platform cannot list them. */
  listChannelMembers?(channel: string): Promise<ChannelPerson[]>;
}

/** What `send` may resolve to: the sent message's reference, or nothing when the platform has none. */
// biome-ignore lint/suspicious/noConfusingVoidType: gateways that keep no reference resolve to nothing.
export type SentRef = string | undefined | void;

/**
 * The platform's published send limits, which the outbox keeps to before it is told (a 429 still
 * pauses the scope for Retry-After). Sends to one address never overlap, so one conversation's
 * messages stay in order.
 */
export interface SendLimits {
  /** Sends in flight at once on this platform (default 4). */
  concurrency?: number;
  /** Sends started in any one second across the platform, evenly spaced (default: no cap of ours). */
  perSecond?: number;
  /** The least time between two sends to one address, in ms (Slack: about 1 s per channel). */
  perAddressGapMs?: number;
}

export interface ChannelPerson {
  key: string;
  name: string;
  dm: string;
}

export type DeliveryFailure =
  /** The platform asked us to slow down: wait, then try again (nothing is lost). */
  | { kind: "rate-limited"; retryAfterMs: number }
  /** The person cannot be reached (blocked or uninstalled the app): do not retry. */
  | { kind: "unreachable" }
  /** Anything else (network, 5xx): back off and try again. */
  | { kind: "transient" };

export class DeliveryError extends Error {
  readonly failure: DeliveryFailure;

  constructor(failure: DeliveryFailure, detail: string) {
    super(detail);
    this.failure = failure;
    this.name = "DeliveryError";
  }
}

export function platformOf(address: string): string {
  return address.slice(0, address.indexOf(":"));
}
