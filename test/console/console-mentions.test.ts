import { describe, expect, it } from "vitest";
import { handlesIn, mentionsIn } from "../../adapters/console/console-mentions.ts";

const known: Record<string, string> = { "console:@sam": "Sam Okafor" };
const nameOf = (key: string) => known[key];

describe("the console's @handles", () => {
  it("reach the core as the mention form it reads, with the name it already knows or the handle's", () => {
    expect(mentionsIn("/workstream add @Sam, @zoë as carer", nameOf)).toBe(
      "/workstream add <@@sam|Sam Okafor>, <@@zoë|Zoë> as carer",
    );
  });

  it("leave words that are not a handle as they are", () => {
    expect(mentionsIn('/park ask sam@example.org about "@sam" and @sam\'s view', nameOf)).toBe(
      '/park ask sam@example.org about "@sam" and @sam\'s view',
    );
  });

  it("come back as typed in what the bot says", () => {
    expect(handlesIn(mentionsIn("Ask @sam, then @kim", nameOf))).toBe("Ask @sam, then @kim");
    expect(handlesIn("Usage: /workstream role <@person> chair")).toBe(
      "Usage: /workstream role <@person> chair",
    );
  });
});
