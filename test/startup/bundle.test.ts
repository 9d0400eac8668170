import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnBot, stopBot } from "../helpers/reliability-bot.ts";
import { type StandInSlack, startStandInSlack } from "../helpers/reliability-slack-api.ts";
import { createSlackSigner } from "../helpers/slack-signer.ts";
import { type MockConnector, startMockConnector, textOf } from "../helpers/teams-connector-mock.ts";
import { BOT } from "../helpers/teams-harness.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** `npm start`'s node arguments with its script swapped for `main`, from package.json. */
function startArgs(main: string): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_]+=/.test(words[0])) {
    const [name, value] = (words.shift() as string).split("=");
    env[name as string] = value as string;
  }
  expect(words.shift()).toBe("node");
  expect(words.at(-1)).toBe("dist/src/main.js");
  return { env, args: [...words.slice(0, -1), main] };
}

/**
 * What `npm start` runs is not the sources the other tests load through tsx but esbuild's
 * bundle of them (scripts/build.ts). Built here into a scratch copy of the layout (dist/src
 * beside migrations/ and node_modules/), it must serve the console, Slack and Teams as the
 * sources do — a package that breaks when bundled would otherwise pass every other test.
 */
describe("the bundle npm start runs", () => {
  let dir: string;
  let main: string;
  let api: StandInSlack;
  let connector: MockConnector;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cp-bundle-"));
    mkdirSync(join(dir, "data"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    symlinkSync(join(ROOT, "migrations"), join(dir, "migrations"));
    const built = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "scripts/build.ts"), join(dir, "dist/src")],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    expect(built.status, built.stderr).toBe(0);
    main = join(dir, "dist/src/main.js");
    api = await startStandInSlack();
    connector = await startMockConnector();
  }, 90_000);

  afterAll(async () => {
    for (const child of children) await stopBot(child);
    await api?.close();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps each platform's SDK in its own chunk, so the console and Slack read only theirs", () => {
    const chunks = readdirSync(join(dir, "dist/src"));
    const holding = (needle: string) =>
      chunks.filter((file) => readFileSync(join(dir, "dist/src", file), "utf8").includes(needle));
    // Bolt's and botbuilder's own error texts, each found in one chunk, and not in main.js.
    const bolt = holding("SocketModeReceiver");
    const botbuilder = holding("BotFrameworkAuthentication");
    expect(bolt.length).toBeGreaterThan(0);
    expect(botbuilder.length).toBeGreaterThan(0);
    expect(bolt).not.toContain("main.js");
    expect(botbuilder).not.toContain("main.js");
    expect(bolt.filter((file) => botbuilder.includes(file))).toEqual([]);
  });

  /** The console as `npm start` runs it, fed `input`, on its own database. */
  const runConsole = (input: string, database: string) => {
    const way = startArgs(main);
    return spawnSync(process.execPath, way.args, {
      cwd: ROOT,
      input,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...way.env,
        DATABASE_PATH: join(dir, "data", database),
      },
      encoding: "utf8",
      timeout: 60_000,
    });
  };

  it("answers /help in the console", () => {
    const run = runConsole("/help\n", "c.db");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('A demo workstream, "Medication safety", is ready');
    expect(run.stdout).toContain("/meeting schedule <when>");
  });

  it("runs the README's console demo as printed", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const demo = /```\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("### The local console")))?.[1];
    if (!demo) throw new Error("README.md has no console demo block");
    const run = runConsole(demo, "demo.db");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Thanks, Sam — that's everything.");
    expect(run.stdout).toContain("1 of 6 members answered");
    expect(run.stdout).toContain('"The papers came late; I had no time to read them"');
  });

  it("sets up a workstream from a signed Slack slash command, through Bolt's receiver", async () => {
    const way = startArgs(main);
    const bot = await spawnBot({
      databasePath: join(dir, "data/s.db"),
      apiUrl: api.apiUrl,
      nodeArgs: way.args,
    });
    children.push(bot.child);
    const slack = createSlackSigner(`http://127.0.0.1:${bot.port}/slack/events`, "bench-signing-secret");
    const response = await slack.command({
      command: "/workstream",
      text: "setup Medication safety",
      user_id: "U1",
      user_name: "cora",
      channel_id: "C1",
      response_url: api.responseUrl("bundle-1"),
    });
    expect(response.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (api.answered.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const answer = JSON.parse(api.answered[0] ?? "{}") as { text?: string; response_type?: string };
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toContain(
      "*Medication safety* is set up in this channel, and you are its coordinator.",
    );
  });

  it("answers a Teams message through the CloudAdapter", async () => {
    const way = startArgs(main);
    const port = await freePort();
    let output = "";
    const child = spawn(process.execPath, way.args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        ...way.env,
        BOT_PLATFORMS: "teams",
        PORT: String(port),
        DATABASE_PATH: join(dir, "data/t.db"),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited: ${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`GET /health never answered 200: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "bundle-1",
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: { id: "29:kim", name: "Kim Patel" },
        recipient: BOT,
        conversation: { id: "a:dm-kim", conversationType: "personal", tenantId: "tenant-1" },
        channelData: { tenant: { id: "tenant-1" } },
        text: "help",
      }),
    });
    expect(response.status).toBe(200);
    const reply = await connector.waitFor(
      (c) => c.kind === "reply" && c.conversationId === "a:dm-kim",
      10_000,
    );
    expect(textOf(reply)).toContain("You're not in a workstream yet.");
    expect(existsSync(join(dir, "data/t.db"))).toBe(true);
  });
});
