import { describe, expect, it } from "vitest";
import { readSupportNeed } from "../../src/domain/support.ts";

describe("a support need typed after /support", () => {
  it("takes a leading kind, and files anything else as other", () => {
    expect(readSupportNeed("accessibility large print")).toEqual({
      kind: "accessibility",
      need: "large print",
    });
    expect(readSupportNeed("wellbeing: someone to talk to")).toEqual({
      kind: "wellbeing",
      need: "someone to talk to",
    });
    expect(readSupportNeed("a lift please")).toEqual({ kind: "other", need: "a lift please" });
    expect(readSupportNeed("practical")).toEqual({ kind: "other", need: "practical" });
  });
});
