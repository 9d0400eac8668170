import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";

/** Teams activities are small (under 100 KB); anything far larger is not from Teams. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * Adapts node:http to what CloudAdapter.process expects (the parts of Express it uses): a
 * parsed JSON `req.body`, and a response with status/header/send/end/socket. Resolves to
 * undefined after answering 400/413 itself when the body is not a JSON object.
 */
export async function bridge(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ request: Request; response: Response } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413).end();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    res.writeHead(400, { "content-type": "text/plain" }).end("Expected a JSON activity.");
    return undefined;
  }
  const response: Response = {
    socket: res.socket,
    status: (code: number) => {
      res.statusCode = code;
    },
    header: (name: string, value: unknown) => {
      res.setHeader(name, String(value));
    },
    send: (payload: unknown) => {
      if (typeof payload === "string" || Buffer.isBuffer(payload)) {
        res.write(payload);
        return;
      }
      if (!res.headersSent) res.setHeader("content-type", "application/json");
      res.write(JSON.stringify(payload));
    },
    end: () => {
      res.end();
    },
  };
  return {
    request: { body: body as Record<string, unknown>, headers: req.headers, method: req.method ?? "POST" },
    response,
  };
}
