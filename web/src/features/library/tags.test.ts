import { describe, expect, it } from "vitest";

import { splitTags } from "./tags";

describe("the tags typed in one box", () => {
  it("are split at commas and trimmed, keeping the spaces inside a tag", () => {
    expect(splitTags(" food , past tense,travel plans ")).toEqual(["food", "past tense", "travel plans"]);
  });

  it("leave out empty ones and repeats whatever their case", () => {
    expect(splitTags("food,, Food ,")).toEqual(["food"]);
  });
});
