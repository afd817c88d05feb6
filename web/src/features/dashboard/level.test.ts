import { describe, expect, it } from "vitest";

import { levelProgress, placeOf, sortAchievements } from "./level";

describe("progress through a level", () => {
  it("counts the XP still to earn and the share of the level done", () => {
    expect(levelProgress({ level: 3, xp: 160, level_xp: 100, next_level_xp: 215 })).toEqual({ level: 3, xp: 160, top: false, toNext: 55, share: 60 / 115 });
  });

  it("starts at nothing done right at a level's start", () => {
    expect(levelProgress({ level: 2, xp: 100, level_xp: 100, next_level_xp: 215 })).toMatchObject({ toNext: 115, share: 0 });
  });

  it("has no next level at the top (next_level_xp 0) and counts as complete", () => {
    expect(levelProgress({ level: 100, xp: 9_999_999, level_xp: 9_000_000, next_level_xp: 0 })).toMatchObject({ top: true, toNext: null, share: 1 });
  });

  it("reads a new learner's answer as level 1 with no XP, and names no goal the answer left out", () => {
    expect(levelProgress({ next_level_xp: 100 })).toEqual({ level: 1, xp: 0, top: false, toNext: 100, share: 0 });
    expect(levelProgress({})).toEqual({ level: 1, xp: 0, top: false, toNext: null, share: 0 });
  });

  it("never goes past its ends when the numbers disagree", () => {
    expect(levelProgress({ level: 2, xp: 300, level_xp: 100, next_level_xp: 215 })).toMatchObject({ toNext: 0, share: 1 });
    expect(levelProgress({ level: 2, xp: 150, level_xp: 215, next_level_xp: 215 })).toMatchObject({ share: 1 });
  });
});

describe("achievements", () => {
  it("list the unlocked newest first, then the locked in their own order", () => {
    const found = sortAchievements([
      { code: "a", title: "A", description: "", unlocked_at: null },
      { code: "b", title: "B", description: "", unlocked_at: "2026-01-02T10:00:00Z" },
      { code: "c", title: "C", description: "" },
      { code: "d", title: "D", description: "", unlocked_at: "2026-02-01T10:00:00Z" },
    ]);
    expect(found.unlocked.map((a) => a.code)).toEqual(["d", "b"]);
    expect(found.locked.map((a) => a.code)).toEqual(["a", "c"]);
  });
});

describe("a place on the board", () => {
  it("is the rank and XP when the learner is on it", () => {
    expect(placeOf({ rank: 4, xp: 120 }, true)).toEqual({ kind: "ranked", rank: 4, xp: 120 });
  });

  it("is beyond the first 1,000 when the rank is 0", () => {
    expect(placeOf({ rank: 0, xp: 3 }, true)).toEqual({ kind: "far", xp: 3 });
  });

  it("is hidden when the learner chose not to appear, and absent when they have no XP there yet", () => {
    expect(placeOf(null, false)).toEqual({ kind: "hidden" });
    expect(placeOf(undefined, true)).toEqual({ kind: "absent" });
  });
});
