import { afterEach, describe, expect, it, vi } from "vitest";
import { createSqliteStore } from "../../adapters/sqlite/store.ts";
import { message } from "../../src/messages/message.ts";
import { DeliveryError } from "../../src/ports/chat-gateway.ts";
import { createHarness, seedGroup, tempDatabase } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const item = (key: string, address = "test:sam") => ({
  key,
  address,
  message: message("Hello"),
  notBefore: new Date("2026-12-01T10:00:00Z"),
});

describe("the outbox", () => {
  it("enqueues the same due work once, however often it is found", () => {
    const database = tempDatabase();
    try {
      const store = createSqliteStore(database.open());
      const now = new Date("2026-12-01T10:00:00Z");
      expect(store.outbox.enqueue(item("reminder:1:1"), now)).toBe(true);
      expect(store.outbox.enqueue(item("reminder:1:1"), now)).toBe(false);
      expect(store.outbox.countByStatus().pending).toBe(1);
    } finally {
      database.cleanup();
    }
  });

  it("keeps one row when a tick races a restarted process on the same file", () => {
    const database = tempDatabase();
    try {
      // Two connections to one SQLite file stand for the old and the new process.
      const before = createSqliteStore(database.open());
      const after = createSqliteStore(database.open());
      const now = new Date("2026-12-01T10:00:00Z");
      const results = [before, after, before, after].map((s) => s.outbox.enqueue(item("reminder:7:3"), now));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(after.outbox.countByStatus().pending).toBe(1);
    } finally {
      database.cleanup();
    }
  });

  it("sends each row once and marks it sent", async () => {
    h = createHarness();
    const store = h.store;
    store.outbox.enqueue(item("a"), h.clock.now());
    store.outbox.enqueue(item("b", "test:kim"), h.clock.now());
    expect(await h.bot.deliver()).toBe(2);
    expect(await h.bot.deliver()).toBe(0);
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:sam", "test:kim"]);
    expect(store.outbox.byKey("a")?.status).toBe("sent");
  });

  it("does not send before a row's time", async () => {
    h = createHarness();
    h.store.outbox.enqueue({ ...item("later"), notBefore: new Date("2026-12-01T12:00:00Z") }, h.clock.now());
    expect(await h.bot.deliver()).toBe(0);
    h.clock.set("2026-12-01T12:00:00Z");
    expect(await h.bot.deliver()).toBe(1);
  });

  it("backs off after a failure and sends on a later try, without losing the message", async () => {
    h = createHarness();
    h.gateway.failNext({ kind: "transient" }, { kind: "transient" });
    h.store.outbox.enqueue(item("flaky"), h.clock.now());
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.advance(1_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0); // second failure: the back-off doubled to 2 s
    h.clock.advance(1_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.advance(1_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(1);
    expect(h.store.outbox.byKey("flaky")?.attempts).toBe(3);
  });

  it("pauses the whole platform for Retry-After when rate limited, then sends everything once", async () => {
    h = createHarness();
    h.gateway.failNext({ kind: "rate-limited", retryAfterMs: 30_000 });
    for (const k of ["r1", "r2", "r3"]) h.store.outbox.enqueue(item(k), h.clock.now());
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.advance(29_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    h.clock.advance(1_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(3);
    expect(h.store.outbox.countByStatus()).toMatchObject({ sent: 3, pending: 0 });
  });

  it("stops trying someone who cannot be reached, and logs it", async () => {
    h = createHarness();
    h.gateway.failNext({ kind: "unreachable" });
    h.store.outbox.enqueue(item("blocked"), h.clock.now());
    await h.bot.deliver();
    h.clock.advance(3_600_000);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    expect(h.store.outbox.byKey("blocked")?.status).toBe("failed");
    expect(h.logs.some((l) => l.level === "error" && l.msg === "gave up on a message")).toBe(true);
  });

  it("drops a message that is stale by the time it could go, and logs it", async () => {
    h = createHarness();
    h.store.outbox.enqueue({ ...item("stale"), expiresAt: new Date("2026-12-01T09:00:00Z") }, h.clock.now());
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    expect(h.store.outbox.byKey("stale")?.status).toBe("dropped");
    expect(h.logs.find((l) => l.msg.startsWith("dropped a stale message"))?.fields.key).toBe("stale");
  });

  it("skips a reminder for someone who asked for quiet after it was queued", async () => {
    h = createHarness();
    await seedGroup(h);
    const sam = h.store.people.byKey("test:sam");
    if (!sam) throw new Error("Sam should exist");
    h.store.outbox.enqueue({ ...item("nudge"), personId: sam.id, isReminder: true }, h.clock.now());
    await h.say("sam", "/quiet until next friday");
    await h.bot.deliver();
    expect(h.gateway.to("test:sam")).toHaveLength(0);
    expect(h.store.outbox.byKey("nudge")?.status).toBe("dropped");
  });
});

describe("someone the bot cannot reach", () => {
  it("is reported privately to the coordinators, once a day, and not to anyone else", async () => {
    h = createHarness();
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-03 14:00 Review");
    await h.bot.deliver();
    h.gateway.clear();
    await h.say("cora", "/meeting cancel M-1");
    // Sam's cancellation notice fails: Sam has blocked the app.
    const store = h.store;
    const row = store.outbox.byKey(`meeting-cancelled:1:${store.people.byKey("test:sam")?.id}`);
    expect(row?.status).toBe("pending");
    const sends = h.gateway.gateway.send.bind(h.gateway.gateway);
    h.gateway.gateway.send = async (address, msg) => {
      if (address === "test:sam") throw new DeliveryError({ kind: "unreachable" }, "blocked");
      return sends(address, msg);
    };
    await h.bot.deliver();
    await h.bot.deliver();
    const notices = h.gateway.sent.filter((s) => s.text.includes("I couldn't send a message to Sam"));
    expect(notices.map((n) => n.address)).toEqual(["test:cora"]);
    expect(store.outbox.byKey(row?.key ?? "")?.status).toBe("failed");
  });
});

describe("a platform whose rate limits are per conversation", () => {
  it("holds only the throttled conversation, and sends the others at once", async () => {
    h = createHarness();
    const gateway = h.gateway.gateway as { rateLimitScope?: string };
    gateway.rateLimitScope = "address";
    h.gateway.failNext({ kind: "rate-limited", retryAfterMs: 30_000 });
    for (const [k, to] of [
      ["a1", "test:sam"],
      ["a2", "test:kim"],
      ["a3", "test:lee"],
    ] as const)
      h.store.outbox.enqueue(item(k, to), h.clock.now());
    await h.bot.deliver();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:kim", "test:lee"]);
    h.clock.advance(30_000);
    await h.bot.deliver();
    expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:kim", "test:lee", "test:sam"]);
  });
});

describe("when something goes wrong mid-way", () => {
  it("does not let one send that never answers hold up the messages behind it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      h = createHarness();
      h.bot.addGateway({ platform: "hang", send: () => new Promise(() => {}) });
      h.store.outbox.enqueue(item("stuck", "hang:kim"), h.clock.now());
      h.store.outbox.enqueue(item("next", "test:sam"), h.clock.now());
      const run = h.bot.deliver();
      await vi.advanceTimersByTimeAsync(30_000);
      await run;
      expect(h.gateway.sent.map((s) => s.address)).toEqual(["test:sam"]);
      expect(h.store.outbox.byKey("stuck")?.status).toBe("pending");
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a message held for someone who has since been removed from the workstream", async () => {
    h = createHarness();
    await seedGroup(h);
    const store = h.store;
    const sam = store.people.byKey("test:sam");
    const ws = store.workstreams.byChannel(h.channel);
    store.outbox.enqueue(
      {
        ...item("held", "test:sam"),
        personId: sam?.id ?? 0,
        workstreamId: ws?.id ?? 0,
        notBefore: new Date("2026-12-02T08:00:00Z"),
      },
      h.clock.now(),
    );
    await h.say("cora", "/workstream remove <@sam|Sam>");
    h.clock.set("2026-12-02T08:00:00Z");
    await h.bot.deliver();
    expect(h.gateway.to("test:sam")).toHaveLength(0);
    expect(store.outbox.byKey("held")?.status).toBe("dropped");
  });

  it("keeps scheduling everything else when one rule fails, and logs it", async () => {
    h = createHarness({ start: "2026-12-01T10:00:00Z" });
    await seedGroup(h);
    await h.say("chris", "/meeting schedule 2026-12-03 14:00 Review");
    await h.say("chris", "/park Transport costs revisit 2026-12-02");
    await h.bot.deliver();
    h.gateway.clear();
    // A broken parking lot (a bad row, say) must not stop the day-before reminders.
    h.store.parking.openWithRevisitDue = () => {
      throw new TypeError("bad row");
    };
    h.clock.set("2026-12-02T14:00:00Z");
    await h.bot.tick();
    expect(h.gateway.sent.filter((s) => s.text.includes("a reminder that"))).toHaveLength(5);
    expect(h.logs.some((l) => l.level === "error" && l.msg === "a scheduling rule failed")).toBe(true);
  });
});

describe("a message meant for a role", () => {
  it("is not delivered to someone who lost that role while it was held, such as a support need", async () => {
    h = createHarness({ start: "2026-12-01T21:00:00Z" }); // 9pm: held until the morning
    await seedGroup(h);
    await h.say("sam", "/support wellbeing I am struggling since the last meeting");
    await h.say("cora", "/workstream role <@chris|Chris> coordinator");
    await h.say("chris", "/workstream role <@cora|Cora> member");
    h.clock.set("2026-12-02T08:00:00Z");
    await h.bot.deliver();
    expect(h.gateway.to("test:cora").filter((s) => s.text.includes("struggling"))).toHaveLength(0);
    const dropped = h.logs.filter((l) => l.fields.reason === "role changed");
    expect(dropped).toHaveLength(1);
  });
});
