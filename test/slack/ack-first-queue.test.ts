import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAckFirstQueue, MAX_ANSWER_WAIT_MS, QUIET_MS } from "../../adapters/slack/ack-first-queue.ts";
import { runCommand, startSlackHarness } from "../helpers/slack-harness.ts";

const turn = () => new Promise((resolve) => setImmediate(resolve));
const response = () => new EventEmitter() as unknown as ServerResponse;

describe("answers wait for acks", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("works out one answer per turn, letting newly arrived requests in between", async () => {
    const order: string[] = [];
    const queue = createAckFirstQueue(() => {});
    queue.later(async () => void order.push("answer 1"));
    queue.later(async () => void order.push("answer 2"));
    setImmediate(() => order.push("a request read in between"));
    await turn();
    await turn();
    expect(order).toEqual(["answer 1", "a request read in between", "answer 2"]);
  });

  it("holds answers while a request waits for its ack and a moment after, and not longer than the limit", async () => {
    vi.useFakeTimers();
    const answered: number[] = [];
    const queue = createAckFirstQueue(() => {});
    const waiting = response();
    queue.track(waiting);
    queue.later(async () => void answered.push(1));
    await vi.advanceTimersByTimeAsync(MAX_ANSWER_WAIT_MS - 50);
    expect(answered).toEqual([]);
    waiting.emit("close");
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(answered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toEqual([1]);

    // A request that never finishes (a slow or stuck client) cannot starve an answer.
    queue.track(response());
    queue.later(async () => void answered.push(2));
    await vi.advanceTimersByTimeAsync(MAX_ANSWER_WAIT_MS - 1);
    expect(answered).toEqual([1]);
    await vi.advanceTimersByTimeAsync(2);
    expect(answered).toEqual([1, 2]);
  });

  it("works out every waiting answer on shutdown, even while a request is still waiting", async () => {
    const answered: number[] = [];
    const queue = createAckFirstQueue(() => {});
    queue.track(response());
    queue.later(async () => {
      await turn();
      answered.push(1);
    });
    queue.later(async () => void answered.push(2));
    const drained = queue.drain();
    // A request acked while shutting down still gets its answer before drain() resolves.
    queue.later(async () => {
      await turn();
      answered.push(3);
    });
    await drained;
    expect(answered.sort()).toEqual([1, 2, 3]);
  });

  it("reports a failed answer and goes on with the next", async () => {
    const failures: unknown[] = [];
    const answered: string[] = [];
    const queue = createAckFirstQueue((error) => failures.push(error));
    queue.later(async () => {
      throw new Error("users.info failed");
    });
    queue.later(() => {
      throw new Error("thrown before any await");
    });
    queue.later(async () => void answered.push("next"));
    for (let i = 0; i < 4; i++) await turn();
    expect(failures.map((e) => (e as Error).message)).toEqual([
      "users.info failed",
      "thrown before any await",
    ]);
    expect(answered).toEqual(["next"]);
  });

  it("answers each of many commands arriving at once, to the person who typed it", async () => {
    const users = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`U${i + 1}`, { name: `Person ${i + 1}` }]),
    );
    const h = await startSlackHarness({ users });
    try {
      const answers = await Promise.all(
        Object.keys(users).map((user, i) =>
          runCommand(h, { user, command: "/quiet", text: `until 2027-01-${10 + i}` }),
        ),
      );
      answers.forEach((answer, i) => {
        expect(answer).toContain(`${10 + i} January`);
      });
      expect(h.api.calls.filter((c) => c.path.startsWith("/respond/"))).toHaveLength(12);
    } finally {
      await h.close();
    }
  });
});
