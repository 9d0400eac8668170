import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOf } from "../helpers/slack-api-mock.ts";
import { runCommand, type SlackHarness, startSlackHarness } from "../helpers/slack-harness.ts";

const USERS = {
  U1: { name: "Kim Patel" },
  U2: { name: "Sam Jones" },
  U3: { name: "Chris Lee" },
  U4: { name: "Lee Park" },
};

describe("Slack slash commands", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ users: USERS });
  });
  afterEach(async () => {
    await h.close();
  });

  const as = (user: string, command: string, text = "", channel = "C1") =>
    runCommand(h, { user, command, text, channel });
  const personId = (user: string) => h.store.people.byKey(`slack:${user}`)?.id ?? -1;
  const workstream = () => h.store.workstreams.byChannel("slack:C1");

  it("runs every workstream, meeting, quiet and help command and answers privately", async () => {
    expect(await as("U1", "/workstream", "setup Medication safety")).toContain("you are its coordinator");
    const ws = workstream();
    expect(ws?.name).toBe("Medication safety");
    // The real name from users.info, not the handle from the payload.
    expect(h.store.people.byKey("slack:U1")?.name).toBe("Kim Patel");

    expect(await as("U1", "/workstream", "add <@U2|sam> <@U3|chris> <@U4> as carer")).toContain(
      "Added Sam Jones, Chris Lee and Lee Park",
    );
    await h.bot.deliver();
    const opened = h.api.callsTo("conversations.open").map((c) => c.body.users);
    expect(opened).toEqual(expect.arrayContaining(["U2", "U3", "U4"]));
    const welcome = h.api.accepted("chat.postMessage").find((c) => c.body.channel === "DU2");
    expect(welcome && textOf(welcome)).toContain(
      "Hi Sam Jones — Kim Patel has added you to *Medication safety*",
    );
    expect(welcome?.authorization).toBe("Bearer xoxb-test");

    expect(await as("U1", "/workstream", "role <@U3> chair")).toMatch(/Chris Lee/);
    expect(h.store.members.get(ws?.id ?? -1, personId("U3"))?.role).toBe("chair");
    await as("U2", "/workstream", "group <@U2|sam> service-user");
    expect(h.store.members.get(ws?.id ?? -1, personId("U2"))?.group).toBe("service-user");
    await as("U1", "/workstream", "set papers-lead-days 10");
    expect(workstream()?.settings["papers-lead-days"]).toBe(10);
    await as("U1", "/workstream", "remove <@U4|lee>");
    expect(h.store.members.get(ws?.id ?? -1, personId("U4"))).toBeUndefined();
    const summary = await as("U2", "/workstream");
    expect(summary).toContain("Chris Lee");
    expect(summary).not.toContain("Lee Park");

    const booked = await as("U1", "/meeting", "schedule next wednesday 2pm for 90m Budget review");
    expect(booked).toMatch(/M-1 is booked: \*Budget review\*, Wednesday \d+ December, 2pm to 3:30pm/);
    await as("U1", "/meeting", "schedule 2026-12-20 10:00 Spare");
    expect(await as("U2", "/meeting", "list")).toContain("Budget review");
    expect(await as("U1", "/meeting", "cancel M-2")).toContain(
      "M-2 on Sunday 20 December, 10am is cancelled",
    );
    // The umbrella runs any verb, also from the person's DM with the bot.
    const viaUmbrella = await as("U2", "/commonpurpose", "meeting list", "DU2");
    expect(viaUmbrella).toContain("Budget review");
    expect(viaUmbrella).not.toContain("Spare");

    expect(await as("U2", "/quiet", "until 2026-12-31")).toMatch(/December/);
    expect(h.store.people.byKey("slack:U2")?.quietUntil).not.toBeNull();
    await as("U2", "/quiet", "off");
    expect(h.store.people.byKey("slack:U2")?.quietUntil).toBeNull();

    expect(await as("U2", "/help")).toContain("/meeting list");

    h.clock.advance(9 * 24 * 3_600_000);
    expect(await as("U3", "/meeting", "end M-1")).toContain("M-1 (*Budget review*) is marked as ended");
    expect(h.store.meetings.bySeq(ws?.id ?? -1, 1)?.status).toBe("ended");
  });

  it("refuses a member's chair-only command privately and changes nothing", async () => {
    await as("U1", "/workstream", "setup Medication safety");
    await as("U1", "/workstream", "add <@U2|sam> <@U3|chris>");
    await as("U1", "/workstream", "role <@U3> chair");
    await as("U1", "/meeting", "schedule 2026-12-10 14:00 Budget review");
    h.clock.advance(3 * 24 * 3_600_000);
    const ws = workstream();

    const end = await as("U2", "/meeting", "end M-1");
    expect(end).toContain("Only the chair can");
    const promote = await as("U2", "/workstream", "role <@U2|sam> chair");
    expect(promote).toContain("Only the chair or coordinator can");

    expect(h.store.meetings.bySeq(ws?.id ?? -1, 1)?.status).toBe("scheduled");
    expect(h.store.members.get(ws?.id ?? -1, personId("U2"))?.role).toBe("member");
    // Private: answered ephemerally (runCommand checks each one), never posted in the channel.
    expect(h.api.callsTo("chat.postMessage").some((c) => textOf(c).includes("Only the chair can"))).toBe(
      false,
    );
  });

  it("rejects a bad signature or a stale timestamp with 401 and does nothing", async () => {
    const fields = {
      user_id: "U1",
      user_name: "kim",
      channel_id: "C1",
      command: "/workstream",
      text: "setup Medication safety",
      response_url: h.api.responseUrl("forged"),
    };
    expect((await h.slack.command(fields, { secret: "not-the-secret" })).status).toBe(401);
    expect(
      (await h.slack.command(fields, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status,
    ).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.store.workstreams.all()).toHaveLength(0);
    expect(h.api.callsTo("response_url")).toHaveLength(0);
    // The same request, properly signed, does work: the 401s were about the signature.
    expect((await h.slack.command(fields)).status).toBe(200);
    const reply = await h.api.waitFor("response_url");
    expect(String(reply.body.text)).toContain("is set up in this channel");
    expect(h.store.workstreams.all()).toHaveLength(1);
  });
});

describe("a slash command whose answer takes a while", () => {
  it("is acked at once, and the answer follows privately through response_url", async () => {
    // users.info is slow: the name lookup alone outlasts the ack budget.
    const h = await startSlackHarness({
      users: { U9: { name: "Nia Slow" } },
      delays: { "users.info": 2_500 },
    });
    try {
      const started = Date.now();
      const response = await h.slack.command({
        user_id: "U9",
        user_name: "nia",
        channel_id: "C1",
        command: "/help",
        text: "",
        response_url: h.api.responseUrl("slow"),
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe("");
      expect(Date.now() - started).toBeLessThan(1_000);
      const reply = await h.api.waitFor("response_url", (c) => c.path === "/respond/slow", 5_000);
      expect(reply.body.response_type).toBe("ephemeral");
      expect(String(reply.body.text)).toContain("This isn't a workstream channel yet");
    } finally {
      await h.close();
    }
  });
});
