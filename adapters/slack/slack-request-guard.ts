import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import type { Bot } from "../../src/bot.ts";
import type { Logger } from "../../src/ports/logger.ts";

/** Bolt's own limit: Slack's largest payloads (a modal's state) are far smaller. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Slack's window for a signed request, in both directions (Bolt only checks the past). */
const MAX_SKEW_SECONDS = 5 * 60;
const FORM = "application/x-www-form-urlencoded";

export interface GuardOptions {
  signingSecret: string;
  bot: Pick<Bot, "firstSeen">;
  log: Logger;
  /** Wall-clock seconds (a signature's age is real time, whatever the bot's clock says). */
  nowSeconds?: () => number;
}

/** Bolt reads a body it finds already buffered here instead of the stream. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * Stands in front of Bolt's HTTPReceiver, which trusts the shape of what it parses: a signed
 * body of `null` (or `payload=null`) rejects a promise inside it that nobody awaits, and the
 * process ends. Every request is read and checked here first, so nothing a request contains —
 * signed or not — can reach Bolt in a shape it cannot handle:
 * - a bad or missing signature, or a timestamp more than five minutes off either way: 401;
 * - a body that is not a JSON object with a `type` (or a form with a command or a payload that
 *   is one): 400, logged without a word of what it said;
 * - the very same signed command or form submission again (a replay within the signature
 *   window): acknowledged and not run twice. Slack signs `timestamp:body`, so the signature
 *   itself identifies the request.
 */
export function createSlackRequestGuard(options: GuardOptions) {
  const { signingSecret, bot, log } = options;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const refuse = (res: ServerResponse, status: number, reason: string) => {
    if (status === 400) log.warn({ reason }, "refused a slack request it could not read");
    else log.warn({ reason, status }, "refused a slack request");
    if (!res.headersSent) res.writeHead(status).end();
  };

  return async function guard(req: IncomingMessage, res: ServerResponse, pass: () => void): Promise<void> {
    const raw = await readBody(req);
    if (raw === undefined) return refuse(res, 413, "too large");
    const text = raw.toString("utf8");
    const contentType = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    const form = contentType === FORM ? parse(text) : undefined;

    // Slack's SSL check is unsigned by design; Bolt answers it and strips anything else.
    if (form?.ssl_check === "1") return handOn(req, raw, res, pass, log);

    const timestamp = req.headers["x-slack-request-timestamp"];
    const signature = req.headers["x-slack-signature"];
    if (typeof timestamp !== "string" || typeof signature !== "string" || !/^\d{1,12}$/.test(timestamp))
      return refuse(res, 401, "unsigned");
    if (Math.abs(nowSeconds() - Number(timestamp)) > MAX_SKEW_SECONDS)
      return refuse(res, 401, "timestamp outside five minutes");
    if (!signedBy(signingSecret, timestamp, text, signature)) return refuse(res, 401, "bad signature");

    const shape = form ? formShape(form) : jsonShape(text);
    if (shape.problem) return refuse(res, 400, shape.problem);

    // Slack does not retry commands or form submissions, so the same signature twice is a
    // replay. (Events carry an event_id, which their listeners dedupe; a button click again
    // only shows the same next question, which the core already makes safe.)
    if (shape.once) {
      const key = `slack:request:${createHash("sha256").update(`${timestamp}:${signature}`).digest("hex")}`;
      if (!bot.firstSeen(key)) {
        log.info({ request: key.slice(-12) }, "ignored a replayed slack request");
        res.writeHead(200).end();
        return;
      }
    }
    handOn(req, raw, res, pass, log);
  };
}

function handOn(req: BufferedRequest, raw: Buffer, res: ServerResponse, pass: () => void, log: Logger) {
  req.rawBody = raw;
  try {
    pass();
  } catch (error) {
    log.error({ err: error instanceof Error ? error.name : "unknown" }, "slack receiver failed");
    if (!res.headersSent) res.writeHead(500).end();
  }
}

/** The body, or undefined when it is larger than Slack would ever send. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function signedBy(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What the guard learnt from a body: what is wrong with it, or whether it may run only once. */
interface Shape {
  problem?: string;
  once?: boolean;
}

/** An Events API body: a JSON object with a type, and an event object inside an event_callback. */
function jsonShape(text: string): Shape {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: "not json" };
  }
  if (!isObject(body) || typeof body.type !== "string") return { problem: "not an object with a type" };
  if (body.type === "event_callback" && !(isObject(body.event) && typeof body.event.type === "string"))
    return { problem: "event_callback without an event" };
  return {};
}

/** A slash command (form fields), or an interaction (one `payload` field holding a JSON object). */
function formShape(form: ReturnType<typeof parse>): Shape {
  if (form.payload === undefined) {
    return typeof form.command === "string" && typeof form.user_id === "string"
      ? { once: true }
      : { problem: "not a command" };
  }
  if (typeof form.payload !== "string") return { problem: "more than one payload" };
  let payload: unknown;
  try {
    payload = JSON.parse(form.payload);
  } catch {
    return { problem: "payload not json" };
  }
  if (!isObject(payload) || typeof payload.type !== "string")
    return { problem: "payload not an object with a type" };
  return { once: payload.type === "view_submission" };
}
