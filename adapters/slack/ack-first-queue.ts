import type { ServerResponse } from "node:http";

/** Work to do after an ack: the answer to a command, a click or a message. */
export type AfterAck = () => Promise<void>;

/** How long an answer may wait behind other people's acks before it goes ahead of them. */
export const MAX_ANSWER_WAIT_MS = 500;

/**
 * How long no request must have come or gone before answers go: under load the connection
 * just acked usually sends its next request within a millisecond or two.
 */
export const QUIET_MS = 5;

export interface AckFirstQueue {
  /** Queues an answer, to be worked out once the requests already waiting have been acked. */
  later(job: AfterAck): void;
  /** Counts an HTTP request as waiting for its ack until its response is written. */
  track(res: ServerResponse): void;
  /** Works out every waiting answer now and waits for all of them (on shutdown). */
  drain(): Promise<void>;
}

/**
 * Slack's 3-second clock runs on acks, not on answers, and under load each answer worked out
 * makes the next person's ack wait. So answers wait here until no request is waiting for its
 * ack and none has come for QUIET_MS, and then go one per turn of the event loop, so a request
 * that arrives meanwhile is read in between. An answer that has waited MAX_ANSWER_WAIT_MS goes
 * ahead of new acks: a flood of commands slows the acks rather than starving the answers and
 * filling memory.
 */
export function createAckFirstQueue(
  onError: (error: unknown) => void,
  now: () => number = Date.now,
): AckFirstQueue {
  const queue: Array<{ job: AfterAck; at: number }> = [];
  let waitingForAck = 0;
  let lastRequest = Number.NEGATIVE_INFINITY;
  let wake: { at: number; cancel(): void } | undefined;
  let draining = false;
  const running = new Set<Promise<void>>();

  const start = (job: AfterAck) => {
    let done: Promise<void>;
    try {
      done = job().catch(onError);
    } catch (error) {
      onError(error);
      return;
    }
    running.add(done);
    void done.finally(() => running.delete(done));
  };
  const head = () => queue[0] as { job: AfterAck; at: number };
  const quiet = () => waitingForAck === 0 && now() - lastRequest >= QUIET_MS;
  const overdue = () => queue.length > 0 && now() - head().at >= MAX_ANSWER_WAIT_MS;

  const turn = () => {
    wake = undefined;
    if (queue.length > 0 && quiet()) start(queue.shift()?.job as AfterAck);
    while (overdue()) start(queue.shift()?.job as AfterAck);
    plan();
  };
  /** Wakes at the earlier of the quiet moment and the head's deadline; at once means next turn. */
  const plan = () => {
    if (queue.length === 0) return;
    const quietAt = waitingForAck === 0 ? lastRequest + QUIET_MS : Number.POSITIVE_INFINITY;
    const at = Math.min(quietAt, head().at + MAX_ANSWER_WAIT_MS);
    if (wake && wake.at <= at) return;
    wake?.cancel();
    const delay = at - now();
    if (delay <= 0) {
      // setImmediate runs after the poll phase, where newly arrived requests are read.
      const handle = setImmediate(turn);
      wake = { at, cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(turn, delay);
      wake = { at, cancel: () => clearTimeout(handle) };
    }
  };

  return {
    later(job) {
      if (draining) return start(job);
      queue.push({ job, at: now() });
      plan();
    },
    track(res) {
      waitingForAck++;
      lastRequest = now();
      res.once("close", () => {
        waitingForAck--;
        lastRequest = now();
        plan();
      });
    },
    async drain() {
      draining = true;
      wake?.cancel();
      wake = undefined;
      while (queue.length > 0) start(queue.shift()?.job as AfterAck);
      // A request still in flight may queue one more answer meanwhile: it starts at once.
      while (running.size > 0) await Promise.all(running);
    },
  };
}
