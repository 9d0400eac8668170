import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockConnector, startMockConnector, textOf } from "../helpers/teams-connector-mock.ts";
import { BOT, CHANNEL, TEAM, TENANT } from "../helpers/teams-harness.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function freePort(): Promise<number> {
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

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

describe("the real program, connected to Teams in local mode", () => {
  let connector: MockConnector;
  let program: ReturnType<typeof start>;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    connector = await startMockConnector();
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), "cp-teams-e2e-"));
    program = start({
      BOT_PLATFORMS: "teams",
      PORT: String(port),
      DATABASE_PATH: join(dir, "bot.db"),
      LOG_LEVEL: "warn",
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (program.child.exitCode !== null) throw new Error(`the bot exited:\n${program.output()}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`GET /health never answered 200:\n${program.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 40_000);

  afterAll(async () => {
    if (program?.child.exitCode === null) {
      const exited = new Promise((r) => program.child.once("exit", r));
      program.child.kill("SIGTERM");
      await exited;
    }
    await connector?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("warns loudly about local mode, and answers an @mention in a channel through the connector", async () => {
    expect(program.output()).toContain("TEAMS LOCAL MODE");
    const health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true, teams: true, database: true });

    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "e2e-1",
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        from: { id: "29:kim", name: "Kim Patel" },
        recipient: BOT,
        conversation: { id: `${CHANNEL};messageid=e2e-1`, conversationType: "channel", tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM } },
        text: "<at>Common Purpose</at> workstream setup Medication safety",
        entities: [{ type: "mention", text: "<at>Common Purpose</at>", mentioned: BOT }],
      }),
    });
    expect(response.status).toBe(200);
    // The answer is for the typist alone: a 1:1 chat is opened for them, not a reply in the thread.
    const reply = await connector.waitFor(
      (c) => c.kind === "send" && c.conversationId?.startsWith("a:chat-") === true,
      10_000,
    );
    expect(connector.calls.filter((c) => c.kind === "reply")).toEqual([]);
    expect(textOf(reply)).toContain(
      "Medication safety is set up in this channel, and you are its coordinator.",
    );
  });

  it("refuses to start unauthenticated in production, naming MicrosoftAppId", async () => {
    const refused = start({
      BOT_PLATFORMS: "teams",
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_PATH: join(dir, "prod.db"),
    });
    const code = await new Promise((r) => refused.child.once("exit", r));
    expect(code).toBe(1);
    expect(refused.output()).toContain("Common Purpose could not start: MicrosoftAppId is not valid");
  });
});
