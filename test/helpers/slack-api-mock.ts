import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the stand-in: a Web API method, or `response_url` for respond(). */
export interface RecordedCall {
  method: string;
  /** The request path (for respond() calls, which response_url was used). */
  path: string;
  body: Record<string, unknown>;
  /** The HTTP status the stand-in answered (429 when told to rate-limit). */
  status: number;
  /** What the stand-in answered (e.g. the `ts` of a posted message). */
  response?: Record<string, unknown>;
  authorization?: string;
}

export interface MockSlackOptions {
  /** users.info answers, by user id (real names; `bot: true` for bots). */
  users?: Record<string, { name: string; bot?: boolean }>;
  /** conversations.members answers, by channel id. */
  channelMembers?: Record<string, string[]>;
  /** auth.test refuses the token (invalid_auth). */
  rejectToken?: boolean;
  /** Milliseconds to wait before answering, by method (a slow Slack). */
  delays?: Record<string, number>;
}

/**
 * A small local HTTP server standing in for Slack's Web API. It records every call (method
 * name and parsed body: form fields, with `blocks`/`view` JSON decoded) and also serves the
 * `response_url` path, so respond() calls are recorded as method `response_url`.
 */
export async function startMockSlack(options: MockSlackOptions = {}) {
  const calls: RecordedCall[] = [];
  const rateLimits = new Map<string, number>();
  let down = false;
  let ts = 1000;
  const users = options.users ?? {};

  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        if (options.rejectToken) return { ok: false, error: "invalid_auth" };
        return {
          ok: true,
          user_id: "UBOT",
          bot_id: "BBOT",
          team_id: "T1",
          user: "commonpurpose",
          team: "Test",
        };
      case "conversations.open": {
        const user = String(body.users ?? "");
        if (options.users && !options.users[user]) return { ok: false, error: "user_not_found" };
        return { ok: true, channel: { id: `D${user}` } };
      }
      case "chat.postMessage":
      case "chat.update":
        ts += 1;
        return { ok: true, channel: body.channel, ts: String(body.ts ?? `${ts}.000100`) };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${ts}.000200` };
      case "views.open":
      case "views.publish":
        return { ok: true, view: { id: "V1" } };
      case "users.info": {
        const id = String(body.user ?? "");
        const user = users[id];
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: user.name,
            is_bot: user.bot ?? false,
            profile: { real_name: user.name },
          },
        };
      }
      case "conversations.members": {
        const all = options.channelMembers?.[String(body.channel)] ?? [];
        const start = Number(body.cursor ?? 0);
        const next = start + 2 < all.length ? String(start + 2) : "";
        return { ok: true, members: all.slice(start, start + 2), response_metadata: { next_cursor: next } };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = req.url ?? "/";
    const method = url.startsWith("/respond/")
      ? "response_url"
      : (url.replace(/^\/api\//, "").split("?")[0] ?? "");
    const body = parseBody(raw, req.headers["content-type"] ?? "");
    if (down && method !== "response_url") {
      calls.push({ method, path: url, body, status: 503 });
      res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
      return;
    }
    const limited = rateLimits.get(method) ?? 0;
    const call: RecordedCall = { method, path: url, body, status: limited > 0 ? 429 : 200 };
    if (req.headers.authorization) call.authorization = req.headers.authorization;
    calls.push(call);
    if (limited > 0) {
      rateLimits.set(method, limited - 1);
      res
        .writeHead(429, { "retry-after": "1", "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const delay = options.delays?.[method];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const reply = method === "response_url" ? { ok: true } : answer(method, body);
    call.response = reply;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** The Web API base URL to give the bot (SLACK_API_URL). */
    apiUrl: `${base}/api/`,
    /** A fresh response_url for a slash command or click. */
    responseUrl: (id = "r1") => `${base}/respond/${id}`,
    calls,
    /** Calls to one method, in order. */
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** Calls to one method that the stand-in accepted (not rate-limited). */
    accepted: (method: string) => calls.filter((c) => c.method === method && c.status === 200),
    /** Answers the next `times` calls to `method` with 429 and Retry-After: 1. */
    rateLimit(method: string, times: number) {
      rateLimits.set(method, times);
    },
    /** An outage: every Web API call is answered 503 until `false` (response_url still works). */
    setDown(isDown: boolean) {
      down = isDown;
    },
    /** Waits until some call matches, or fails after `timeoutMs`. */
    async waitFor(
      method: string,
      match: (call: RecordedCall) => boolean = () => true,
      timeoutMs = 5000,
    ): Promise<RecordedCall> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find((c) => c.method === method && match(c));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${method} call arrived within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MockSlack = Awaited<ReturnType<typeof startMockSlack>>;

/** The text a recorded message call carries (fallback text plus every block's text). */
export function textOf(call: RecordedCall): string {
  return [String(call.body.text ?? ""), JSON.stringify(call.body.blocks ?? [])].join("\n");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// The Web API client sends form fields with blocks and views as JSON strings inside them.
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return body;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
