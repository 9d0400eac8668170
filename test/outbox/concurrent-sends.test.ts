import { afterEach, describe, expect, it, vi } from "vitest";
import { message } from "../../src/messages/message.ts";
import { type ChatGateway, DeliveryError, type SendLimits } from "../../src/ports/chat-gateway.ts";
import { createHarness, tempDatabase } from "../helpers/harness.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

const item = (key: string, address: string) => ({
  key,
  address,
  message: message(`Hello ${key}`),
  notBefore: new Date("2026-12-01T10:00:00Z"),
});

/**
 * A platform ~`latencyMs` away: each send answers after that long, and the stand-in records
 * when each started and how many were in flight at once.
 */
function distantGateway(platform: string, limits: SendLimits, latencyMs = 20) {
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: Array<{ address: string; text: string; at: number }> = [];
  const perAddressInFlight = new Map<string, number>();
  let overlapsPerAddress = 0;
  const failures = new Map<string, DeliveryError>();
  const gateway: ChatGateway & { limits: SendLimits } = {
    platform,
    limits,
    async send(address, msg) {
      starts.push({ address, text: JSON.stringify(msg), at: performance.now() });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const mine = (perAddressInFlight.get(address) ?? 0) + 1;
      perAddressInFlight.set(address, mine);
      if (mine > 1) overlapsPerAddress++;
      try {
        await new Promise((r) => setTimeout(r, latencyMs));
        const failure = failures.get(address);
        if (failure) {
          failures.delete(address);
          throw failure;
        }
      } finally {
        inFlight--;
        perAddressInFlight.set(address, (perAddressInFlight.get(address) ?? 1) - 1);
      }
    },
  };
  return {
    gateway,
    starts,
    stats: () => ({ maxInFlight, overlapsPerAddress }),
    failNextTo: (address: string, error: DeliveryError) => failures.set(address, error),
  };
}

describe("the outbox against a platform at network distance", () => {
  it("keeps several sends in flight at once, never more than the platform's concurrency", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    const far = distantGateway("far", { concurrency: 6 });
    h.bot.addGateway(far.gateway);
    for (let n = 0; n < 40; n++) h.store.outbox.enqueue(item(`k${n}`, `far:p${n}`), h.clock.now());
    expect(await h.bot.deliver()).toBe(40);
    expect(far.stats().maxInFlight).toBe(6);
    expect(far.starts).toHaveLength(40);
    expect(h.store.outbox.countByStatus()).toMatchObject({ sent: 40, pending: 0 });
  });

  it("keeps to the per-conversation limit: one send at a time, spaced, in the order queued", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    const far = distantGateway("far", { concurrency: 8, perAddressGapMs: 60 }, 5);
    h.bot.addGateway(far.gateway);
    for (let n = 0; n < 5; n++) h.store.outbox.enqueue(item(`same${n}`, "far:channel"), h.clock.now());
    for (let n = 0; n < 5; n++) h.store.outbox.enqueue(item(`other${n}`, `far:p${n}`), h.clock.now());
    expect(await h.bot.deliver()).toBe(10);
    const toChannel = far.starts.filter((s) => s.address === "far:channel");
    const times = toChannel.map((s) => s.at);
    expect(toChannel.map((s) => JSON.parse(s.text).text)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `Hello same${n}`),
    );
    // setTimeout never fires early; 1 ms for the clocks' rounding.
    for (const [i, t] of times.entries())
      if (i > 0) expect(t - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(59);
    expect(far.stats().overlapsPerAddress).toBe(0);
    // The other people did not wait behind the busy channel.
    const lastOther = Math.max(...far.starts.filter((s) => s.address !== "far:channel").map((s) => s.at));
    expect(lastOther).toBeLessThan(times[2] ?? 0);
  });

  it("keeps a conversation's order even when its gap ends while the sender is looking through the queue", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    // The sender's clock moves 2 ms each time it is read (as when a loaded machine stops the
    // process for a moment), so a conversation's 60 ms gap keeps ending between one of its
    // rows' checks and the next one's: the later row must still wait for the earlier.
    const real = performance.now.bind(performance);
    let reads = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => real() + ++reads * 2);
    cleanups.push(() => clock.mockRestore());
    const far = distantGateway("far", { concurrency: 8, perAddressGapMs: 60 }, 0);
    h.bot.addGateway(far.gateway);
    h.store.transaction(() => {
      for (let n = 0; n < 20; n++) {
        h.store.outbox.enqueue(item(`same${n}`, "far:channel"), h.clock.now());
        for (let p = 0; p < 4; p++)
          h.store.outbox.enqueue(item(`other${n}-${p}`, `far:p${n}-${p}`), h.clock.now());
      }
    });
    expect(await h.bot.deliver()).toBe(100);
    const order = far.starts.filter((s) => s.address === "far:channel").map((s) => JSON.parse(s.text).text);
    expect(order).toEqual(Array.from({ length: 20 }, (_, n) => `Hello same${n}`));
  });

  it("keeps to a platform's starts per second", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    const far = distantGateway("far", { concurrency: 10, perSecond: 20 }, 5);
    h.bot.addGateway(far.gateway);
    for (let n = 0; n < 30; n++) h.store.outbox.enqueue(item(`k${n}`, `far:p${n}`), h.clock.now());
    expect(await h.bot.deliver()).toBe(30);
    const at = far.starts.map((s) => s.at);
    for (const [i, t] of at.entries()) if (i >= 20) expect(t - (at[i - 20] ?? 0)).toBeGreaterThanOrEqual(999);
  });

  it("pauses only the throttled conversation on a 429: the others keep going in the same run", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    const far = distantGateway("far", { concurrency: 4 });
    (far.gateway as { rateLimitScope?: string }).rateLimitScope = "address";
    h.bot.addGateway(far.gateway);
    far.failNextTo("far:p0", new DeliveryError({ kind: "rate-limited", retryAfterMs: 30_000 }, "429"));
    h.store.outbox.enqueue(item("first", "far:p0"), h.clock.now());
    h.store.outbox.enqueue(item("second", "far:p0"), h.clock.now());
    for (let n = 1; n < 12; n++) h.store.outbox.enqueue(item(`k${n}`, `far:p${n}`), h.clock.now());
    expect(await h.bot.deliver()).toBe(11);
    expect(far.starts.filter((s) => s.address === "far:p0")).toHaveLength(1);
    expect(h.store.outbox.byKey("first")).toMatchObject({ status: "pending", attempts: 0 });
    h.clock.advance(30_000);
    expect(await h.bot.deliver()).toBe(2);
    expect(h.store.outbox.countByStatus()).toMatchObject({ sent: 13, pending: 0 });
  });

  it("pauses a whole platform on its 429 without holding up another platform", async () => {
    const h = createHarness();
    cleanups.push(h.cleanup);
    const slow = distantGateway("slow", { concurrency: 4 });
    const other = distantGateway("other", { concurrency: 4 });
    h.bot.addGateway(slow.gateway);
    h.bot.addGateway(other.gateway);
    slow.failNextTo("slow:p0", new DeliveryError({ kind: "rate-limited", retryAfterMs: 10_000 }, "429"));
    for (let n = 0; n < 8; n++) {
      h.store.outbox.enqueue(item(`s${n}`, `slow:p${n}`), h.clock.now());
      h.store.outbox.enqueue(item(`o${n}`, `other:p${n}`), h.clock.now());
    }
    await h.bot.deliver();
    // The first send probes the platform alone; its 429 stops every later one there.
    expect(slow.starts).toHaveLength(1);
    expect(other.starts).toHaveLength(8);
    h.clock.advance(10_000);
    await h.bot.deliver();
    expect(h.store.outbox.countByStatus()).toMatchObject({ sent: 16, pending: 0 });
  });

  it("loses nothing when the process dies with sends in flight, and repeats at most those", async () => {
    const database = tempDatabase();
    cleanups.push(database.cleanup);
    const before = createHarness({ dbPath: database });
    // The platform accepts each message and the process dies before hearing back: nothing answers.
    const accepted: string[] = [];
    before.bot.addGateway({
      platform: "far",
      limits: { concurrency: 5 },
      send: async (address) => {
        accepted.push(address);
        // The first few answer, so the window opens; the rest are in flight when it dies.
        if (accepted.length <= 9) return;
        await new Promise(() => {});
      },
    });
    for (let n = 0; n < 30; n++) before.store.outbox.enqueue(item(`k${n}`, `far:p${n}`), before.clock.now());
    void before.bot.deliver();
    await new Promise((r) => setTimeout(r, 100));
    const inFlightAtCrash = accepted.length - 9;
    expect(inFlightAtCrash).toBeGreaterThan(1);
    expect(inFlightAtCrash).toBeLessThanOrEqual(5);

    // A new process on the same file.
    const after = createHarness({ dbPath: database });
    const resent: string[] = [];
    after.bot.addGateway({
      platform: "far",
      limits: { concurrency: 5 },
      send: async (address) => {
        resent.push(address);
      },
    });
    await after.bot.deliver();
    const everyone = new Set([...accepted, ...resent]);
    expect(everyone.size).toBe(30);
    const repeated = resent.filter((a) => accepted.includes(a));
    expect(repeated.length).toBeLessThanOrEqual(5);
    expect(after.store.outbox.countByStatus()).toMatchObject({ sent: 30, pending: 0 });
  });
});
