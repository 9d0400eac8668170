import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackWithDb } from "../helpers/reliability-slack.ts";

type Env = Awaited<ReturnType<typeof startSlackWithDb>>;

/** Every table but the identity cache and the delivery dedupe, as text. */
function snapshot(env: Env): string {
  const tables = env.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  return tables
    .filter((t) => !["people", "inbound_seen"].includes(t.name))
    .map((t) => `${t.name}:${JSON.stringify(env.db.prepare(`SELECT * FROM "${t.name}"`).all())}`)
    .join("\n");
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant("x".repeat(20_000)),
);
const actionIds = [
  "meeting.attending",
  "meeting.apologies",
  "checkin.answer",
  "dissent.confirm",
  "papers.read",
  "nonsense",
  "",
];
const interaction = fc.oneof(
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom("block_actions", "view_submission", "shortcut", "nope"), anyValue),
        user: fc.oneof(fc.record({ id: fc.constantFrom("U1", "U2", "U9") }), anyValue),
        team: fc.oneof(fc.record({ id: fc.constant("T1") }), anyValue),
        trigger_id: anyValue,
        actions: fc.oneof(
          fc.array(
            fc.record(
              {
                action_id: fc.oneof(fc.constantFrom(...actionIds), anyValue),
                block_id: anyValue,
                value: anyValue,
              },
              { requiredKeys: [] },
            ),
            { maxLength: 2 },
          ),
          anyValue,
        ),
        view: fc.oneof(
          fc.record(
            {
              callback_id: fc.oneof(fc.constant("cp-form"), anyValue),
              private_metadata: anyValue,
              state: fc.oneof(fc.record({ values: anyValue }), anyValue),
            },
            { requiredKeys: [] },
          ),
          anyValue,
        ),
      },
      { requiredKeys: [] },
    )
    .map((p) => ({ payload: JSON.stringify(p) })),
  fc.string({ maxLength: 200 }).map((raw) => ({ payload: raw })),
  fc.constant({ payload: "{not json" }),
);
/** Envelopes Slack could really send (right types at the top), with anything inside. */
const wellTyped = fc
  .record({
    type: fc.constantFrom("block_actions", "view_submission"),
    user: fc.record({ id: fc.constantFrom("U1", "U2", "U9"), name: fc.string({ maxLength: 8 }) }),
    team: fc.constant({ id: "T1", domain: "t" }),
    api_app_id: fc.constant("A1"),
    token: fc.constant("t"),
    trigger_id: fc.string({ maxLength: 10 }),
    actions: fc.array(
      fc.record({
        type: fc.constant("button"),
        action_id: fc.constantFrom(...actionIds),
        block_id: fc.string({ maxLength: 8 }),
        value: fc.oneof(fc.string({ maxLength: 30 }), fc.constant("x".repeat(20_000))),
        action_ts: fc.constant("1.2"),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    view: fc.record({
      id: fc.constant("V1"),
      type: fc.constant("modal"),
      callback_id: fc.oneof(fc.constant("cp-form"), fc.string({ maxLength: 8 })),
      private_metadata: fc.oneof(fc.string({ maxLength: 40 }), fc.json({ maxDepth: 2 })),
      state: fc.record({
        values: fc.dictionary(
          fc.string({ maxLength: 5 }),
          fc.dictionary(
            fc.string({ maxLength: 5 }),
            fc.record({
              type: fc.constant("plain_text_input"),
              value: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null)),
            }),
            { maxKeys: 2 },
          ),
          { maxKeys: 2 },
        ),
      }),
    }),
  })
  .map((p) => ({ payload: JSON.stringify(p) }));

const slashBody = fc
  .record(
    {
      user_id: fc.oneof(fc.constantFrom("U1", "U2"), fc.string({ maxLength: 10 })),
      user_name: fc.string({ maxLength: 10 }),
      channel_id: fc.oneof(fc.constantFrom("C1", "D1", "C9"), fc.string({ maxLength: 10 })),
      command: fc.constantFrom("/meeting", "/workstream", "/help", "/dissent", "/parked", "/commonpurpose"),
      text: fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.constant("y".repeat(20_000)),
      ),
      response_url: fc.constant("http://127.0.0.1:9/respond"),
    },
    { requiredKeys: ["command"] },
  )
  .map((fields) => ({ token: "t", team_id: "T1", api_app_id: "A1", trigger_id: "x", ...fields }));

describe("malformed requests through the real Slack receiver", () => {
  let env: Env;
  beforeAll(async () => {
    env = await startSlackWithDb();
    // A workstream in C1 with Cora coordinating, so valid-looking requests reach real code.
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

  it("answers each with 2xx or 4xx, never crashes, and changes nothing", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const before = snapshot(env);
    // Sent all at once: a request no listener claims is answered 404 only after Bolt's 3-second
    // wait, so one at a time would take minutes.
    const typed = [
      ...fc.sample(wellTyped, { numRuns: 200, seed: 6 }),
      // Read-only commands (answers go to response_url): nothing may be written.
      ...fc.sample(slashBody, { numRuns: 150, seed: 8 }).map((b) => ({
        ...b,
        text: b.command === "/dissent" ? `list ${b.text ?? ""}` : String(b.text ?? ""),
      })),
    ];
    const broken = fc.sample(interaction, { numRuns: 200, seed: 7 });
    const send = (fields: Record<string, unknown>) =>
      env.slack
        .post(
          new URLSearchParams(fields as Record<string, string>).toString(),
          "application/x-www-form-urlencoded",
        )
        .then((r) => r.status);
    const statuses = await Promise.all(typed.map(send));
    const brokenStatuses = await Promise.all(broken.map(send));
    // Unsigned and wrongly signed requests are turned away before anything runs.
    statuses.push(
      (await env.slack.post("payload=%7B%7D", "application/x-www-form-urlencoded", { secret: "wrong" }))
        .status,
    );
    statuses.push(
      (await env.slack.post("payload=%7B%7D", "application/x-www-form-urlencoded", { timestamp: 1 })).status,
    );
    await new Promise((r) => setTimeout(r, 200));
    await env.bot.deliver();
    process.off("unhandledRejection", onUnhandled);
    expect(statuses.filter((s) => s < 200 || s >= 500)).toEqual([]);
    // Envelopes of the wrong shape (not a string `type`, `actions` not a list…) are refused by
    // Bolt itself, some with a 500 (see the report); what matters is an answer and no crash.
    expect(brokenStatuses.every((s) => s >= 200 && s < 600)).toBe(true);
    const still = await env.slack.command({
      user_id: "U1",
      user_name: "cora",
      channel_id: "C1",
      command: "/help",
      text: "",
      response_url: env.api.responseUrl("after"),
    });
    expect(still.status).toBe(200);
    expect(env.errors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(snapshot(env)).toBe(before);
  });
});
