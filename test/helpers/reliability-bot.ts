import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A free local port (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real bot (`node --import tsx src/main.ts`) against a Web API stand-in and waits
 * until GET /health answers 200. Resolves with the process and how long that took.
 */
export async function spawnBot(options: {
  databasePath: string;
  apiUrl: string;
  logLevel?: string;
  timeoutMs?: number;
  /** Node's arguments; by default the sources through tsx (the bench also times `dist/`). */
  nodeArgs?: string[];
}): Promise<{ child: ChildProcess; port: number; readyMs: number; output: () => string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, options.nodeArgs ?? ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_PATH: options.databasePath,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: options.apiUrl,
      BOT_PLATFORMS: "slack",
      LOG_LEVEL: options.logLevel ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}): ${out.slice(-500)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, port, readyMs: performance.now() - started, output: () => out };
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the bot was not ready within the timeout: ${out.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Stops a spawned bot and waits for it to exit. */
export function stopBot(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
