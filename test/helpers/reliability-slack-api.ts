import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Slack's published shape for chat.postMessage: ~1 per second per channel, a workspace cap per minute. */
export interface Throttle {
  /** Messages allowed in any 60-second window across the workspace. */
  capPerMinute: number;
  /** Minimum gap between two messages to the same channel (Slack: about 1 second). */
  perChannelMs: number;
}

export interface StandInOptions {
  /** Milliseconds each chat.postMessage takes to answer (so a kill can land mid-stream). */
  postDelayMs?: number;
  throttle?: Throttle;
  /** Milliseconds every Web API call takes to answer: the network distance to Slack (bench). */
  latencyMs?: number;
  /** Called as a message is accepted, before the answer is written (a test can kill the bot here). */
  onAccepted?: (total: number) => void;
}

/**
 * A lean stand-in for Slack's Web API for load and crash tests: it counts accepted messages per
 * channel (no bodies kept, so thousands of calls stay cheap) and can enforce Slack's rate-limit
 * shape, answering 429 with Retry-After in whole seconds as Slack does.
 */
export async function startStandInSlack(options: StandInOptions = {}) {
  let delay = options.postDelayMs ?? 0;
  let latency = options.latencyMs ?? 0;
  let throttle = options.throttle;
  let onAccepted = options.onAccepted;
  let accepted = 0;
  const perChannel = new Map<string, number>();
  const lastToChannel = new Map<string, number>();
  // Accepted send times, oldest first, for the sliding one-minute window.
  let window: number[] = [];
  let limited = 0;
  let responses = 0;
  /** The bodies posted to response URLs (the answers people see), oldest first. */
  const answered: string[] = [];
  // Milliseconds from a command's sending to its answer, for response URLs stamped `?sent=`.
  let answerTimes: number[] = [];
  let first: number | undefined;
  let last: number | undefined;

  function retryAfterMs(channel: string, now: number): number {
    if (!throttle) return 0;
    window = window.filter((t) => t > now - 60_000);
    let wait = 0;
    if (window.length >= throttle.capPerMinute) wait = (window[0] as number) + 60_000 - now;
    const previous = lastToChannel.get(channel);
    if (previous !== undefined) wait = Math.max(wait, previous + throttle.perChannelMs - now);
    return wait;
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = req.url ?? "/";
    const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    if (url.startsWith("/respond/")) {
      responses++;
      answered.push(raw);
      const sent = Number(new URL(url, "http://x").searchParams.get("sent"));
      if (sent > 0) answerTimes.push(Date.now() - sent);
      return reply(200, { ok: true });
    }
    const method = url.replace(/^\/api\//, "").split("?")[0] ?? "";
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const body = Object.fromEntries(new URLSearchParams(raw));
    switch (method) {
      case "auth.test":
        return reply(200, {
          ok: true,
          user_id: "UBOT",
          bot_id: "BBOT",
          team_id: "T1",
          user: "cp",
          team: "T",
        });
      case "users.info": {
        const id = String(body.user ?? "");
        return reply(200, { ok: true, user: { id, name: id.toLowerCase(), real_name: `Person ${id}` } });
      }
      case "conversations.open":
        return reply(200, { ok: true, channel: { id: `D${String(body.users ?? "")}` } });
      case "chat.postMessage": {
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        const channel = String(body.channel ?? "");
        const now = Date.now();
        const wait = retryAfterMs(channel, now);
        if (wait > 0) {
          limited++;
          const seconds = String(Math.max(1, Math.ceil(wait / 1000)));
          return reply(429, { ok: false, error: "ratelimited" }, { "retry-after": seconds });
        }
        window.push(now);
        lastToChannel.set(channel, now);
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
        first ??= now;
        last = now;
        accepted++;
        onAccepted?.(accepted);
        return reply(200, { ok: true, channel, ts: `${now}.000100` });
      }
      default:
        return reply(200, { ok: false, error: "unknown_method" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/respond/${id}`,
    /** Accepted messages per channel (a DM to U7 is channel DU7). */
    perChannel,
    answered,
    stats() {
      let total = 0;
      let duplicated = 0;
      for (const n of perChannel.values()) {
        total += n;
        duplicated += n - 1;
      }
      const answers = [...answerTimes].sort((a, b) => a - b);
      const at = (q: number) => answers[Math.min(answers.length - 1, Math.floor(q * answers.length))];
      return {
        total,
        channels: perChannel.size,
        duplicated,
        limited,
        responses,
        first,
        last,
        answerP50: at(0.5),
        answerP99: at(0.99),
      };
    },
    configure(next: StandInOptions) {
      delay = next.postDelayMs ?? 0;
      latency = next.latencyMs ?? 0;
      throttle = next.throttle;
      onAccepted = next.onAccepted;
    },
    reset() {
      perChannel.clear();
      lastToChannel.clear();
      window = [];
      accepted = 0;
      limited = 0;
      responses = 0;
      answerTimes = [];
      first = undefined;
      last = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StandInSlack = Awaited<ReturnType<typeof startStandInSlack>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
