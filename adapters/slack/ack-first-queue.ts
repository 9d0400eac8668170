import type { ServerResponse } from "node:http";

/** Work to do after an ack: the answer to a command, a click or a message. */
export type AfterAck = () => Promise<void>;

/** How long an answer may wait behind other people's acks before it goes ahead of them. */
export const MAX_ANSWER_WAIT_MS = 500;

export interface AckFirstQueue {
  /** Queues an answer, to be worked out once the requests already waiting have been acked. */
  later(job: AfterAck): void;
  /** Counts an HTTP request as waiting for its ack until its response is written. */
  track(res: ServerResponse): void;
}

/**
 * Slack's 3-second clock runs on acks, not on answers, and under load each answer worked out
 * makes the next person's ack wait. So answers wait here while any request is still waiting for
 * its ack, and then go one per turn of the event loop, so newly arrived requests are read in
 * between. An answer that has waited MAX_ANSWER_WAIT_MS goes ahead of new acks: a flood of
 * commands slows the acks down rather than starving the answers and filling memory.
 */
export function createAckFirstQueue(
  onError: (error: unknown) => void,
  now: () => number = Date.now,
): AckFirstQueue {
  const queue: Array<{ job: AfterAck; at: number }> = [];
  let waitingForAck = 0;
  let scheduled = false;
  let deadline: NodeJS.Timeout | undefined;

  const start = (job: AfterAck) => {
    try {
      job().catch(onError);
    } catch (error) {
      onError(error);
    }
  };
  const overdue = () => queue.length > 0 && now() - (queue[0] as { at: number }).at >= MAX_ANSWER_WAIT_MS;
  const turn = () => {
    scheduled = false;
    if (waitingForAck === 0 && queue.length > 0) start((queue.shift() as { job: AfterAck }).job);
    while (overdue()) start((queue.shift() as { job: AfterAck }).job);
    if (queue.length === 0) return;
    if (waitingForAck === 0) schedule();
    else wakeAtDeadline();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after the poll phase, where newly arrived requests are read.
    setImmediate(turn);
  };
  const wakeAtDeadline = () => {
    if (deadline) return;
    const head = queue[0] as { at: number };
    deadline = setTimeout(
      () => {
        deadline = undefined;
        schedule();
      },
      Math.max(0, head.at + MAX_ANSWER_WAIT_MS - now()),
    );
    deadline.unref();
  };

  return {
    later(job) {
      queue.push({ job, at: now() });
      if (waitingForAck === 0) schedule();
      else wakeAtDeadline();
    },
    track(res) {
      waitingForAck++;
      res.once("close", () => {
        waitingForAck--;
        if (waitingForAck === 0 && queue.length > 0) schedule();
      });
    },
  };
}
