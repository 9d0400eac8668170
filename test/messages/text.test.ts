import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MRKDWN } from "../../adapters/slack/block-kit.ts";
import { CARD_MARKS } from "../../adapters/teams/adaptive-card.ts";
import { refuse, UserFacingError } from "../../src/domain/errors.ts";
import {
  code,
  em,
  joinText,
  link,
  mention,
  plainText,
  renderText,
  rich,
} from "../../src/domain/rich-text.ts";
import { message } from "../../src/messages/message.ts";
import { renderPlainText } from "../../src/messages/plain-text.ts";

describe("neutral text", () => {
  const booked = rich`${em("Budget & <review>")} is booked. Type ${code("/meeting list")} to see it.`;

  it("is a plain string when nothing in it is marked", () => {
    expect(rich`Hi ${"Sam"}, you have ${3} new papers.`).toBe("Hi Sam, you have 3 new papers.");
    expect(joinText(["Sam", "Kim"], " and ")).toBe("Sam and Kim");
  });

  it("keeps emphasis, code, links and mentions as data, merging plain words", () => {
    expect(rich`Read ${link("https://example.org/b.pdf", "Budget")} before ${em("Thursday")}.`).toEqual([
      "Read ",
      { link: "https://example.org/b.pdf", label: "Budget" },
      " before ",
      { em: "Thursday" },
      ".",
    ]);
    expect(rich`${rich`a ${em("b")}`} c`).toEqual(["a ", { em: "b" }, " c"]);
  });

  it("reads in plain text with stars and backticks, as the console and fallbacks show it", () => {
    expect(plainText(booked)).toBe("*Budget & <review>* is booked. Type `/meeting list` to see it.");
    expect(plainText(rich`See ${link("https://x.org", "this")} or ${link("https://y.org")}.`)).toBe(
      "See this (https://x.org) or https://y.org.",
    );
  });

  it("is Slack mrkdwn with & < > escaped inside every span", () => {
    expect(renderText(booked, MRKDWN)).toBe(
      "*Budget &amp; &lt;review&gt;* is booked. Type `/meeting list` to see it.",
    );
    expect(renderText(rich`${link("https://x.org", "a <b>")}`, MRKDWN)).toBe("<https://x.org|a &lt;b&gt;>");
    expect(
      renderText(rich`${mention("slack:U123", "Sam")} and ${mention("teams:29:x", "Kim")}`, MRKDWN),
    ).toBe("<@U123> and Kim");
  });

  it("is Adaptive Card markdown on Teams: **bold**, and a person's own stars left as typed", () => {
    expect(renderText(booked, CARD_MARKS)).toBe(
      "**Budget & <review>** is booked. Type `/meeting list` to see it.",
    );
    expect(renderText("a title with *stars* in it", CARD_MARKS)).toBe("a title with *stars* in it");
    expect(renderText(rich`${link("https://x.org", "this")}`, CARD_MARKS)).toBe("[this](https://x.org)");
  });

  it("renders a whole message through the same shared plain-text layout", () => {
    const msg = message(booked, { kind: "list", items: [rich`${em("M-1")} today`] });
    expect(renderPlainText(msg)).toBe(
      "*Budget & <review>* is booked. Type `/meeting list` to see it.\n• *M-1* today",
    );
  });
});

describe("the text model's place", () => {
  it("imports nothing, so the domain can refuse in neutral text without depending on messages", () => {
    const source = readFileSync(new URL("../../src/domain/rich-text.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});

describe("a refusal", () => {
  it("carries a known code and neutral text, and reads in plain text", () => {
    expect.assertions(3);
    try {
      refuse("meeting.not-found", rich`There is no ${em("M-9")}. Type ${code("/meeting list")}.`);
    } catch (error) {
      expect(error).toBeInstanceOf(UserFacingError);
      const refused = error as UserFacingError;
      expect(refused.code).toBe("meeting.not-found");
      expect(refused.userMessage).toBe("There is no *M-9*. Type `/meeting list`.");
    }
  });

  it("takes only the codes listed for each feature", () => {
    const typo = () =>
      // @ts-expect-error: a code nobody declared is a type error, so codes cannot drift.
      refuse("meeting.not-fuond", "No such meeting.");
    expect(typo).toThrow(UserFacingError);
  });
});
