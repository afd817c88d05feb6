import { describe, expect, it } from "vitest";

import { tabAfterKey, tabOf } from "./tabs";

describe("the library's tabs", () => {
  it("open the tab named in the address, and the learner's collections otherwise", () => {
    expect(tabOf("bookmarks")).toBe("bookmarks");
    expect(tabOf(null)).toBe("mine");
    expect(tabOf("nonsense")).toBe("mine");
  });

  it("move with the arrow keys and wrap around at both ends", () => {
    expect(tabAfterKey(0, "ArrowRight", 5)).toBe(1);
    expect(tabAfterKey(4, "ArrowRight", 5)).toBe(0);
    expect(tabAfterKey(0, "ArrowLeft", 5)).toBe(4);
  });

  it("jump to the first and last tab with Home and End, and ignore other keys", () => {
    expect(tabAfterKey(2, "Home", 5)).toBe(0);
    expect(tabAfterKey(2, "End", 5)).toBe(4);
    expect(tabAfterKey(2, "Enter", 5)).toBeNull();
  });
});
