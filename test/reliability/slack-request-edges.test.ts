import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/ports/logger.ts";
import { startSlackWithDb } from "../helpers/reliability-slack.ts";

type Env = Awaited<ReturnType<typeof startSlackWithDb>>;
type Entry = { level: string; fields: Record<string, unknown>; msg: string };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Answers within `ms`, or "no answer": a request Bolt choked on never gets one. */
const within = <T>(work: Promise<T>, ms = 2_500) =>
  Promise.race([work, new Promise<"no answer">((r) => setTimeout(() => r("no answer"), ms))]);

describe("requests Slack could never have meant, through the real Bolt receiver", () => {
  let env: Env;
  const logged: Entry[] = [];
  const log: Logger = {
    debug: (fields, msg) => logged.push({ level: "debug", fields, msg }),
    info: (fields, msg) => logged.push({ level: "info", fields, msg }),
    warn: (fields, msg) => logged.push({ level: "warn", fields, msg }),
    error: (fields, msg) => logged.push({ level: "error", fields, msg }),
  };
  const parkedCount = () =>
    (env.db.prepare("SELECT COUNT(*) AS n FROM parked_items").get() as { n: number }).n;
  const park = (title: string, id: string) => ({
    user_id: "U1",
    user_name: "cora",
    channel_id: "C1",
    command: "/park",
    text: title,
    response_url: env.api.responseUrl(id),
  });

  beforeAll(async () => {
    env = await startSlackWithDb({ log });
    await env.bot.command({
      platform: "slack",
      actor: { key: "slack:U1", name: "Cora", dm: "slack:U1" },
      channel: "slack:C1",
      text: "/workstream setup Medication safety",
    });
  });
  afterAll(async () => {
    await env.close();
  });

  it("answers a correctly signed body of any odd shape, and keeps serving", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const odd: Array<[string, string]> = [
      ["payload=null", FORM],
      ["null", JSON_TYPE],
      ["[]", JSON_TYPE],
      ['"hello"', JSON_TYPE],
      ["42", JSON_TYPE],
      ['{"type":null}', JSON_TYPE],
      ['{"type":"event_callback","event":null}', JSON_TYPE],
      ["payload=1", FORM],
      ["payload=%5B%5D", FORM],
      ["payload=%7Bbroken%20words", FORM],
      ["payload=%7B%7D&payload=%7B%7D", FORM],
    ];
    const statuses = await Promise.all(
      odd.map(([body, type]) => within(env.slack.post(body, type).then((r) => r.status))),
    );
    await new Promise((r) => setTimeout(r, 100));
    process.off("unhandledRejection", onUnhandled);
    expect(statuses).toEqual(odd.map(() => 400));
    expect(unhandled).toEqual([]);
    const still = await env.slack.command({ ...park("", "after-odd"), command: "/help" });
    expect(still.status).toBe(200);
    // Logged, with nothing of what the request said.
    const refusals = logged.filter((e) => e.msg === "refused a slack request it could not read");
    expect(refusals.length).toBe(odd.length);
    expect(JSON.stringify(refusals)).not.toMatch(/hello|broken words/);
  });

  it("handles a replayed slash command once: /park sent twice makes one parked item", async () => {
    const before = parkedCount();
    const timestamp = nowSeconds();
    const body = park("Travel costs for carers", "replay-1");
    const first = await env.slack.command(body, { timestamp });
    const second = await env.slack.command(body, { timestamp });
    expect([first.status, second.status]).toEqual([200, 200]);
    await env.api.waitFor("response_url", (c) => c.path === "/respond/replay-1");
    await new Promise((r) => setTimeout(r, 300));
    expect(parkedCount()).toBe(before + 1);
    // The same words sent again later are a new request, and are parked again.
    const again = await env.slack.command(park("Travel costs for carers", "replay-2"), {
      timestamp: timestamp + 1,
    });
    expect(again.status).toBe(200);
    await env.api.waitFor("response_url", (c) => c.path === "/respond/replay-2");
    expect(parkedCount()).toBe(before + 2);
  });

  it("refuses a timestamp more than five minutes in the future, and runs nothing", async () => {
    const before = parkedCount();
    const ahead = await env.slack.command(park("From the future", "future"), {
      timestamp: nowSeconds() + 6 * 60,
    });
    expect(ahead.status).toBe(401);
    const stale = await env.slack.command(park("From the past", "past"), {
      timestamp: nowSeconds() - 6 * 60,
    });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(parkedCount()).toBe(before);
  });

  it("refuses a button click whose fields are not what our buttons send, logged by id", async () => {
    logged.length = 0;
    const clicked = await env.slack.interaction({
      type: "block_actions",
      user: { id: "U1", name: "cora" },
      team: { id: "T1" },
      trigger_id: "t-1",
      actions: [
        { action_id: "papers.read", block_id: "b", value: "secret words ".repeat(400), type: "button" },
      ],
    });
    expect(clicked.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const refusal = logged.find((e) => e.msg === "ignored a malformed button click");
    expect(refusal?.fields).toMatchObject({ user: "U1" });
    expect(JSON.stringify(logged)).not.toContain("secret words");
  });
});
