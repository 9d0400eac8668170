import { afterEach, describe, expect, it } from "vitest";
import { message } from "../../src/messages/message.ts";
import { createHarness } from "../helpers/harness.ts";

let h: ReturnType<typeof createHarness>;
afterEach(() => h?.cleanup());

const at = new Date("2026-12-01T10:00:00Z");
const original = (key: string, notBefore = at) => ({
  key,
  address: "test:sam",
  message: message("First words"),
  notBefore,
});
const update = (key: string, of: string, words: string) => ({
  key,
  address: "test:sam",
  message: message(words),
  notBefore: at,
  updatesKey: of,
});

describe("messages updated in place by the outbox", () => {
  it("keeps the platform's reference to a sent message and rewrites that message, not a new one", async () => {
    h = createHarness({ start: at.toISOString() });
    h.store.outbox.enqueue(original("papers:1:1"), at);
    await h.bot.deliver();
    expect(h.store.outbox.byKey("papers:1:1")?.platformRef).toBe("ref-1");
    h.store.outbox.enqueue(update("papers-update:1:1:1", "papers:1:1", "Second words"), at);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(1);
    expect(h.gateway.updated.map((u) => [u.ref, u.text])).toEqual([["ref-1", "Second words"]]);
    expect(h.store.outbox.byKey("papers-update:1:1:1")?.status).toBe("sent");
    // Sent once: delivering again changes nothing.
    await h.bot.deliver();
    expect(h.gateway.updated).toHaveLength(1);
  });

  it("waits while the message it updates has not gone yet (held for the morning), then updates it", async () => {
    h = createHarness({ start: at.toISOString() });
    const morning = new Date(at.getTime() + 3_600_000);
    h.store.outbox.enqueue(original("papers:1:1", morning), at);
    h.store.outbox.enqueue(update("papers-update:1:1:1", "papers:1:1", "Second words"), at);
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(0);
    expect(h.gateway.updated).toHaveLength(0);
    expect(h.store.outbox.byKey("papers-update:1:1:1")?.attempts).toBe(0);
    h.clock.set(new Date(morning.getTime() + 2000));
    await h.bot.deliver();
    expect(h.gateway.sent).toHaveLength(1);
    expect(h.gateway.updated.map((u) => u.text)).toEqual(["Second words"]);
  });

  it("drops an update whose message was never sent, or was sent with no reference", async () => {
    h = createHarness({ start: at.toISOString() });
    h.store.outbox.enqueue(update("papers-update:9:1:1", "papers:9:1", "Nothing to update"), at);
    h.store.outbox.enqueue(original("papers:2:1"), at);
    await h.bot.deliver();
    // As if sent by a gateway that gives no reference (or before references were kept).
    h.db.prepare("UPDATE outbox SET platform_ref = NULL WHERE key = 'papers:2:1'").run();
    h.store.outbox.enqueue(update("papers-update:2:1:1", "papers:2:1", "No reference"), at);
    await h.bot.deliver();
    expect(h.gateway.updated).toHaveLength(0);
    expect(h.store.outbox.byKey("papers-update:9:1:1")?.status).toBe("dropped");
    expect(h.store.outbox.byKey("papers-update:2:1:1")?.status).toBe("dropped");
  });

  it("retries an update that failed, like any message", async () => {
    h = createHarness({ start: at.toISOString() });
    h.store.outbox.enqueue(original("papers:1:1"), at);
    await h.bot.deliver();
    h.gateway.failNext({ kind: "transient" });
    h.store.outbox.enqueue(update("papers-update:1:1:1", "papers:1:1", "Second words"), at);
    await h.bot.deliver();
    expect(h.gateway.updated).toHaveLength(0);
    h.clock.advance(5_000);
    await h.bot.deliver();
    expect(h.gateway.updated.map((u) => u.text)).toEqual(["Second words"]);
  });

  it("lets a newer version replace an older one that has not gone yet", () => {
    h = createHarness({ start: at.toISOString() });
    h.store.outbox.enqueue(update("papers-update:1:1:1", "papers:1:1", "v1"), at);
    h.store.outbox.enqueue(update("papers-update:1:1:2", "papers:1:1", "v2"), at);
    expect(h.store.outbox.supersede("papers-update:1:1:", "papers-update:1:1:2", "a newer version", at)).toBe(
      1,
    );
    expect(h.store.outbox.byKey("papers-update:1:1:1")?.status).toBe("dropped");
    expect(h.store.outbox.byKey("papers-update:1:1:2")?.status).toBe("pending");
  });
});

describe("an update that can never land", () => {
  it("gives up on it, once (the message was deleted)", async () => {
    h = createHarness({ start: at.toISOString() });
    h.store.outbox.enqueue(original("papers:1:1"), at);
    await h.bot.deliver();
    h.gateway.failNext({ kind: "unreachable" });
    h.store.outbox.enqueue(update("papers-update:1:1:1", "papers:1:1", "Second words"), at);
    await h.bot.deliver();
    expect(h.store.outbox.byKey("papers-update:1:1:1")?.status).toBe("failed");
    expect(h.store.outbox.countByStatus().pending).toBe(0);
  });
});
