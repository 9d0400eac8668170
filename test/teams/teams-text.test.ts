import { describe, expect, it } from "vitest";
import { commandText } from "../../adapters/teams/teams-text.ts";

const BOT = { id: "28:bot", name: "Common Purpose" };
const mention = (id: string, name: string) => ({
  type: "mention",
  text: `<at>${name}</at>`,
  mentioned: { id, name },
});

describe("reading a command from a Teams message", () => {
  it("strips the bot's own @mention", () => {
    expect(
      commandText({
        text: "<at>Common Purpose</at> meeting list",
        recipient: BOT,
        entities: [mention(BOT.id, BOT.name)],
      }),
    ).toBe("meeting list");
  });

  it("rewrites other mentions into the core's <@id|Name> form, names with spaces kept whole", () => {
    const text = commandText({
      text: "<at>Common Purpose</at> workstream add <at>Sam Jones</at>, <at>Lee</at> as carer",
      recipient: BOT,
      entities: [mention(BOT.id, BOT.name), mention("29:sam", "Sam Jones"), mention("29:lee", "Lee")],
    });
    expect(text).toBe("workstream add <@29:sam|Sam Jones> , <@29:lee|Lee> as carer");
  });

  it("drops the HTML Teams wraps text in, and decodes entities", () => {
    expect(commandText({ text: "<p>park&nbsp;Parking &amp; access</p>", recipient: BOT })).toBe(
      "park Parking & access",
    );
  });

  it("keeps a leading slash for the router to accept", () => {
    expect(commandText({ text: "/meeting list", recipient: BOT })).toBe("/meeting list");
  });
});
