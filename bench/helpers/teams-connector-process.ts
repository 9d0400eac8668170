// A child process serving a Bot Connector stand-in for the Teams fan-out bench: every call
// answers after `latencyMs` (the network distance), and it can enforce Teams' send limits —
// per bot per conversation 7 in any second, and per app per tenant `perSecond` in any second —
// answering 429 with Retry-After as the connector does. It counts accepted messages per
// conversation (no bodies kept). Driven over IPC: "configure", "reset", "stats".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface Options {
  latencyMs?: number;
  throttle?: { perSecond: number; perConversationPerSecond: number };
}

let options: Options = {};
const perConversation = new Map<string, number>();
const recentByConversation = new Map<string, number[]>();
let recent: number[] = [];
let limited = 0;
let next = 1;

/** Milliseconds until this send would be within the limits (0: now). */
function waitFor(conversation: string, now: number): number {
  const t = options.throttle;
  if (!t) return 0;
  recent = recent.filter((x) => x > now - 1000);
  const mine = (recentByConversation.get(conversation) ?? []).filter((x) => x > now - 1000);
  recentByConversation.set(conversation, mine);
  let wait = 0;
  if (recent.length >= t.perSecond) wait = (recent[recent.length - t.perSecond] as number) + 1000 - now;
  if (mine.length >= t.perConversationPerSecond)
    wait = Math.max(wait, (mine[mine.length - t.perConversationPerSecond] as number) + 1000 - now);
  return wait;
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", async () => {
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const match = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"code":"NotFound"}}');
      return;
    }
    const conversation = decodeURIComponent(match[1] ?? "");
    const now = Date.now();
    const wait = waitFor(conversation, now);
    if (wait > 0) {
      limited++;
      res
        .writeHead(429, { "content-type": "application/json", "retry-after": String(Math.ceil(wait / 1000)) })
        .end('{"error":{"code":"Throttled"}}');
      return;
    }
    recent.push(now);
    recentByConversation.get(conversation)?.push(now) ?? recentByConversation.set(conversation, [now]);
    perConversation.set(conversation, (perConversation.get(conversation) ?? 0) + 1);
    res.writeHead(200, { "content-type": "application/json" }).end(`{"id":"fan-${next++}"}`);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
process.send?.({ kind: "ready", serviceUrl });
process.on("message", (raw) => {
  const msg = raw as { kind: string; id: number; options?: Options };
  if (msg.kind === "configure") options = msg.options ?? {};
  if (msg.kind === "reset") {
    perConversation.clear();
    recentByConversation.clear();
    recent = [];
    limited = 0;
  }
  let total = 0;
  let duplicated = 0;
  for (const n of perConversation.values()) {
    total += n;
    duplicated += n - 1;
  }
  process.send?.({
    kind: "done",
    id: msg.id,
    stats: { total, channels: perConversation.size, duplicated, limited },
  });
});
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
