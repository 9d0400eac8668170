import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockSlack, startMockSlack } from "../helpers/slack-api-mock.ts";
import { createSlackSigner } from "../helpers/slack-signer.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "e2e-signing-secret";

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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${output()}`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`GET /health never answered 200:\n${output()}`);
}

describe("the real program, connected to Slack over HTTP", () => {
  let api: MockSlack;
  let child: ChildProcess;
  let port: number;
  let dir: string;
  let output = "";

  beforeAll(async () => {
    api = await startMockSlack({ users: { U1: { name: "Kim Patel" } } });
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), "cp-slack-e2e-"));
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.apiUrl,
        PORT: String(port),
        DATABASE_PATH: join(dir, "bot.db"),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, () => output);
  }, 40_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("starts, reports healthy, and answers a signed /workstream setup privately", async () => {
    const health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true, slack: true, database: true });

    const slack = createSlackSigner(`http://127.0.0.1:${port}/slack/events`, SECRET);
    const response = await slack.command({
      user_id: "U1",
      user_name: "kim",
      channel_id: "C1",
      command: "/workstream",
      text: "setup Medication safety",
      response_url: api.responseUrl("e2e"),
    });
    expect(response.status).toBe(200);
    // Acked at once; the answer follows at response_url, private (ephemeral) to the person who typed.
    const answer = await api.waitFor("response_url", (c) => c.path === "/respond/e2e", 10_000);
    const reply = answer.body as { response_type: string; text: string };
    expect(reply.response_type).toBe("ephemeral");
    expect(String(reply.text)).toContain(
      "*Medication safety* is set up in this channel, and you are its coordinator.",
    );
    // The token never appears in what the bot logged.
    expect(output).not.toContain("xoxb-test");
  });

  it("keeps serving after signed requests whose body is null, or any other odd shape", async () => {
    const slack = createSlackSigner(`http://127.0.0.1:${port}/slack/events`, SECRET);
    const form = "application/x-www-form-urlencoded";
    const statuses = await Promise.all([
      slack.post("payload=null", form).then((r) => r.status),
      slack.post("null", "application/json").then((r) => r.status),
      slack.post("[1,2]", "application/json").then((r) => r.status),
      slack.post('{"type":"event_callback","event":null}', "application/json").then((r) => r.status),
    ]);
    expect(statuses).toEqual([400, 400, 400, 400]);
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });
});
