import { describe, expect, it } from "vitest";

import { folderQuery, shownUnder } from "./bookmarks";

describe("a bookmark under a folder filter", () => {
  it("is always shown among all bookmarks", () => {
    expect(shownUnder("all", null)).toBe(true);
    expect(shownUnder("all", "f1")).toBe(true);
  });

  it("is shown under 'no folder' only while it is in none", () => {
    expect(shownUnder("none", null)).toBe(true);
    expect(shownUnder("none", "f1")).toBe(false);
  });

  it("leaves a folder's list once moved to another folder", () => {
    expect(shownUnder("f1", "f1")).toBe(true);
    expect(shownUnder("f1", "f2")).toBe(false);
    expect(shownUnder("f1", null)).toBe(false);
  });

  it("asks the API for all bookmarks by leaving the folder out", () => {
    expect(folderQuery("all")).toBeUndefined();
    expect(folderQuery("none")).toBe("none");
    expect(folderQuery("f1")).toBe("f1");
  });
});
