import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInDriver } from "../helpers/check-in-driver.ts";
import { sayIn } from "../helpers/core-commands.ts";
import { createHarness, seedGroup } from "../helpers/harness.ts";

/**
 * PRODUCT.md §6 for check-in answers and support requests, role by role: everything each person
 * can see — the replies to every check-in and support command they can type, and every direct
 * message they are sent — must hold what they may see and nothing they may not.
 *
 * Sam answers anonymously, with a comment and a support request, and also types `/support`.
 * Kim answers with her name and a comment. Zed chairs a different workstream.
 */
const SAM_COMMENT = "the agenda felt rushed";
const SAM_NEED = "a taxi home after evening meetings";
const SAM_SECOND_NEED = "large print papers";
const KIM_COMMENT = "more time for carers please";

let h: ReturnType<typeof createHarness>;
let drive: ReturnType<typeof checkInDriver>;
const seen = new Map<string, string>();

const COMMANDS = ["/checkin status", "/checkin summary", "/checkin status M-1", "/support list", "/help"];

beforeAll(async () => {
  h = createHarness({ start: "2026-12-01T10:00:00Z" });
  await seedGroup(h);
  await sayIn(h, "zed", "/workstream setup Carers forum", "test:#other");
  await sayIn(h, "zed", "/workstream add <@yan|Yan>", "test:#other");
  await sayIn(h, "zed", "/workstream role <@zed|Zed> chair", "test:#other");
  await sayIn(h, "zed", "/workstream role <@yan|Yan> coordinator", "test:#other");
  await h.say("chris", "/meeting schedule 2026-12-01 11:00 for 1h Medication review");
  h.clock.set("2026-12-01T12:00:00Z");
  await h.bot.tick();
  drive = checkInDriver(h);
  drive.look();
  drive.answer("sam", [
    "Yes",
    "Partly",
    "No",
    { press: "Write something", fields: { comment: SAM_COMMENT } },
    "Yes",
    { press: "Yes, ask for support", fields: { kind: "practical", need: SAM_NEED } },
    "Answer anonymously",
  ]);
  drive.answer("kim", [
    "Yes",
    "Fully",
    "Yes",
    { press: "Write something", fields: { comment: KIM_COMMENT } },
    "No",
    "No",
    "Share my name",
  ]);
  await h.say("sam", `/support accessibility ${SAM_SECOND_NEED}`, "dm");
  // Past the close: the chair's summary goes out.
  h.clock.set("2026-12-04T12:00:00Z");
  await h.bot.tick();

  for (const who of ["sam", "kim", "chris", "cora", "zed"]) {
    // What they were sent, and what their check-in shows after their last click.
    const texts = [...h.gateway.to(`test:${who}`).map((s) => s.text), drive.screen(who)];
    for (const command of COMMANDS) {
      texts.push((await h.say(who, command, "dm")).text);
      texts.push((await sayIn(h, who, command, "test:#other")).text);
      texts.push((await h.say(who, command)).text);
    }
    texts.push((await sayIn(h, who, "/checkin summary in Medication safety", "test:#other")).text);
    seen.set(who, texts.join("\n"));
  }
});
afterAll(() => h?.cleanup());

const ROLES: Array<{ role: string; who: string; sees: string[]; neverSees: string[] }> = [
  {
    role: "the person (Sam, answered anonymously)",
    who: "sam",
    sees: [SAM_NEED, SAM_SECOND_NEED, "You answered anonymously: your answers are kept with no link to you"],
    neverSees: [KIM_COMMENT, "Felt listened to:", "Answered:"],
  },
  {
    role: "another member (Kim)",
    who: "kim",
    sees: ["The chair will see your answers with your name."],
    neverSees: [SAM_COMMENT, SAM_NEED, SAM_SECOND_NEED, "Felt listened to:", "Answered:", "S-1", "S-2"],
  },
  {
    role: "the chair (Chris)",
    who: "chris",
    // Two answers, one anonymous, and status names who answered: the anonymous one would be
    // the total minus Kim's, so until three people answer anonymously it is held back.
    sees: [
      `Kim: "${KIM_COMMENT}"`,
      "1 answer is not shown yet, so that no one can tell who gave it",
      "Felt listened to: yes 1, partly 0, no 0",
      "Answered: Kim and Sam",
    ],
    neverSees: [
      SAM_COMMENT,
      // Sam said "no": only Kim's named "yes" may count.
      "Felt listened to: yes 1, partly 0, no 1",
      "Anonymous:",
      SAM_NEED,
      SAM_SECOND_NEED,
      "S-1",
      "S-2",
      "asked for practical support",
      "Sam would like a one-to-one",
    ],
  },
  {
    role: "the coordinator (Cora): support requests, and check-in aggregates only",
    who: "cora",
    sees: [`(S-1): "${SAM_NEED}"`, `S-2 (accessibility, Tuesday 1 December): "${SAM_SECOND_NEED}" — Sam`],
    neverSees: [SAM_COMMENT, KIM_COMMENT, "Answered:", "would like a one-to-one"],
  },
  {
    role: "a chair of another workstream (Zed)",
    who: "zed",
    sees: [],
    neverSees: [
      SAM_COMMENT,
      KIM_COMMENT,
      SAM_NEED,
      SAM_SECOND_NEED,
      "Answered:",
      "Felt listened to:",
      "Medication review",
    ],
  },
];

describe("who sees check-in answers and support requests (PRODUCT.md §6)", () => {
  it.each(ROLES)("$role sees only what they may", ({ who, sees, neverSees }) => {
    const text = seen.get(who) ?? "";
    for (const s of sees) expect(text, `${who} should see "${s}"`).toContain(s);
    for (const s of neverSees) expect(text, `${who} must never see "${s}"`).not.toContain(s);
  });

  it("never posts a check-in answer, a name of a non-responder or a support request in a channel", () => {
    const posts = h.gateway.sent
      .filter((s) => s.address.includes("#"))
      .map((s) => s.text)
      .join("\n");
    for (const secret of [SAM_COMMENT, KIM_COMMENT, SAM_NEED, SAM_SECOND_NEED, "check-in", "support"]) {
      expect(posts).not.toContain(secret);
    }
  });

  it("writes no answer, comment, need or name into the logs", () => {
    const logged = JSON.stringify(h.logs);
    for (const secret of [SAM_COMMENT, KIM_COMMENT, SAM_NEED, SAM_SECOND_NEED, "Sam", "Kim"]) {
      expect(logged).not.toContain(secret);
    }
  });
});
