import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/helpers/reliability-bot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What `npm start` runs, read from package.json so the bench measures exactly that: the
 * environment it sets (`NAME=value` words before `node`) and node's arguments.
 */
export function startScript(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split("=");
    env[name as string] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return { env, args: words.map((w) => (w.startsWith("dist/") ? `${ROOT}${w}` : w)) };
}

/**
 * Starts the bot as `npm start` would (its environment and node arguments, or `way`'s), for
 * Slack over HTTP against a Web API stand-in, and resolves once GET /health answers 200.
 */
export async function startLikeNpmStart(options: {
  databasePath: string;
  apiUrl: string;
  way?: { env: Record<string, string>; args: string[] };
}): Promise<{ child: ChildProcess; port: number; readyMs: number }> {
  const way = options.way ?? startScript();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, way.args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...way.env,
      DATABASE_PATH: options.databasePath,
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: options.apiUrl,
      BOT_PLATFORMS: "slack",
      LOG_LEVEL: process.env.BENCH_BOT_OUTPUT ? "info" : "warn",
    },
    stdio: ["ignore", process.env.BENCH_BOT_OUTPUT ? "inherit" : "ignore", "inherit"],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, port, readyMs: performance.now() - started };
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the bot was not ready within 20 s");
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
