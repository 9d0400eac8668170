import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/ports/logger.ts";
import {
  cardAction,
  installForAll,
  seedTeamsGroup,
  startTeamsHarness,
  type TeamsHarness,
} from "../helpers/teams-harness.ts";

type Entry = { fields: Record<string, unknown>; msg: string };

describe("card fields from Teams are read exactly, or refused", () => {
  let h: TeamsHarness;
  const logged: Entry[] = [];
  const log: Logger = {
    debug: (fields, msg) => logged.push({ fields, msg }),
    info: (fields, msg) => logged.push({ fields, msg }),
    warn: (fields, msg) => logged.push({ fields, msg }),
    error: (fields, msg) => logged.push({ fields, msg }),
  };
  beforeEach(async () => {
    logged.length = 0;
    h = await startTeamsHarness({ log });
    await installForAll(h);
    await seedTeamsGroup(h);
  });
  afterEach(async () => {
    await h.close();
  });

  it.each([
    ["a field that is not text", { action: "meeting.apologies-sent", context: "1", field_note: 42 }],
    ["a value that is not text", { action: "meeting.attending", value: { nested: true } }],
    [
      "a field far longer than any form allows",
      { action: "meeting.apologies-sent", context: "1", field_note: "secret words ".repeat(2_000) },
    ],
    ["an action id that is not ours", { action: "x".repeat(500), value: "1" }],
  ])("refuses %s, answers the click with an error, and logs it by id", async (_name, data) => {
    const click = cardAction("sam", data);
    const response = await h.post(click);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 400 });
    const refusal = logged.find((e) => e.msg === "refused a card submission it could not read");
    expect(refusal?.fields).toMatchObject({ activity: click.id, user: "29:sam" });
    expect(JSON.stringify(logged)).not.toContain("secret words");
  });
});
