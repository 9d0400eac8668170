import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the stand-in Bot Connector. */
export interface ConnectorCall {
  /** send (new message), reply (to an activity), update (PUT), create (a 1:1 chat), members (roster page). */
  kind: "send" | "reply" | "update" | "create" | "members" | "other";
  method: string;
  path: string;
  conversationId?: string;
  /** The activity replied to or updated. */
  activityId?: string;
  body: Record<string, unknown>;
  status: number;
}

export interface MockConnectorOptions {
  /** Team rosters for the paged members API, by team or conversation id. */
  rosters?: Record<string, Array<{ id: string; name: string }>>;
}

/**
 * A local HTTP server standing in for the Bot Connector service (the `serviceUrl` Teams puts in
 * every activity). It records every activity the bot sends, answers the paged roster two
 * members at a time, creates 1:1 chats, and can answer 429 (with Retry-After) or 403
 * (MessageWritesBlocked) on demand.
 */
export async function startMockConnector(options: MockConnectorOptions = {}) {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ status: number; retryAfter?: string; conversationId?: string }> = [];
  const blocked = new Set<string>();
  let next = 1;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const call: ConnectorCall = {
      kind: "other",
      method: req.method ?? "",
      path: url.pathname,
      body,
      status: 200,
    };
    // /v3/conversations[/{id}[/activities[/{activityId}] | /pagedmembers]]
    if (parts[0] === "v3" && parts[1] === "conversations") {
      if (parts[2]) call.conversationId = parts[2];
      if (parts[4]) call.activityId = parts[4];
      if (parts.length === 2 && req.method === "POST") call.kind = "create";
      else if (parts[3] === "pagedmembers") call.kind = "members";
      else if (parts[3] === "activities" && req.method === "PUT") call.kind = "update";
      else if (parts[3] === "activities") call.kind = parts[4] ? "reply" : "send";
    }
    calls.push(call);
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(payload));
    };

    if (call.kind === "send" || call.kind === "reply" || call.kind === "create") {
      const target = call.kind === "create" ? memberOf(body) : call.conversationId;
      if (target && blocked.has(target)) {
        json(403, {
          error: { code: "MessageWritesBlocked", message: "Bot is not allowed to send messages." },
        });
        return;
      }
      const failure = failures.findIndex((f) => !f.conversationId || f.conversationId === target);
      if (failure >= 0) {
        const [f] = failures.splice(failure, 1);
        if (f) {
          json(
            f.status,
            { error: { code: f.status === 429 ? "TooManyRequests" : "Failed", message: "Try later." } },
            f.retryAfter ? { "retry-after": f.retryAfter } : {},
          );
          return;
        }
      }
    }
    switch (call.kind) {
      case "send":
      case "reply":
      case "update":
        json(200, {
          id: call.activityId && call.kind === "update" ? call.activityId : `bot-activity-${next++}`,
        });
        return;
      case "create":
        json(200, { id: `a:chat-${memberOf(body)}`, activityId: "" });
        return;
      case "members": {
        const roster = options.rosters?.[call.conversationId ?? ""] ?? [];
        const start = Number(url.searchParams.get("continuationToken") ?? 0);
        const page = roster.slice(start, start + 2);
        const more = start + 2 < roster.length;
        json(200, {
          members: page.map((m) => ({
            ...m,
            aadObjectId: `aad-${m.id}`,
            userPrincipalName: `${m.id}@example.org`,
          })),
          ...(more ? { continuationToken: String(start + 2) } : {}),
        });
        return;
      }
      default:
        json(404, { error: { code: "NotFound", message: "not in the stand-in" } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  /** Activities the connector accepted (new messages and replies), in order. */
  const messages = () => calls.filter((c) => (c.kind === "send" || c.kind === "reply") && c.status === 200);

  return {
    serviceUrl,
    calls,
    messages,
    /** Accepted messages into one conversation. */
    messagesTo: (conversationId: string) => messages().filter((c) => c.conversationId === conversationId),
    /** Answers the next `times` sends (to one conversation, or any) with this status. */
    fail(status: number, times = 1, options: { retryAfter?: string; conversationId?: string } = {}) {
      for (let i = 0; i < times; i++) failures.push({ status, ...options });
    },
    /** From now on this conversation (or user, for new chats) answers 403 MessageWritesBlocked. */
    block(idOrConversation: string) {
      blocked.add(idOrConversation);
    },
    /** Waits until some call matches, or fails after `timeoutMs`. */
    async waitFor(match: (call: ConnectorCall) => boolean, timeoutMs = 5000): Promise<ConnectorCall> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find((c) => c.status === 200 && match(c));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching connector call within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MockConnector = Awaited<ReturnType<typeof startMockConnector>>;

/** Everything a recorded activity shows: its summary, text and cards. */
export function textOf(call: ConnectorCall): string {
  const { summary, text, attachments } = call.body as {
    summary?: string;
    text?: string;
    attachments?: unknown;
  };
  return [summary ?? "", text ?? "", JSON.stringify(attachments ?? [])].join("\n");
}

/** The Adaptive Card an activity carries. */
export function cardOf(call: ConnectorCall): Record<string, unknown> {
  const attachments = (call.body.attachments ?? []) as Array<{ content: Record<string, unknown> }>;
  const card = attachments[0]?.content;
  if (!card) throw new Error("the activity carries no card");
  return card;
}

function memberOf(body: Record<string, unknown>): string {
  const members = body.members as Array<{ id?: string }> | undefined;
  return members?.[0]?.id ?? "unknown";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
