import { describe, expect, it } from "vitest";

import { calibrationPoints, isEmptyBoard, metricRows, skillPoints } from "./series";

const PERIOD = ["2026-03-01", "2026-03-02", "2026-03-03"];
const BOX = { left: 0, top: 0, width: 100, height: 100 };

describe("a metric's days", () => {
  it("cover the whole period, quiet days and missing fields as zero", () => {
    const days = [{ day: "2026-03-02", minutes: 15, reviews: 4 }];
    expect(metricRows(PERIOD, days, "minutes").map((row) => row.value)).toEqual([0, 15, 0]);
    expect(metricRows(PERIOD, days, "xp").map((row) => row.value)).toEqual([0, 0, 0]);
  });
});

describe("a skill's points", () => {
  it("sit at their day along the period and their score up the chart", () => {
    const days = [
      { day: "2026-03-01", mean: 100 },
      { day: "2026-03-03", mean: 25 },
    ];
    expect(skillPoints(days, PERIOD, BOX)).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 75 },
    ]);
  });

  it("leave out days outside the period", () => {
    expect(skillPoints([{ day: "2026-02-01", mean: 50 }], PERIOD, BOX)).toEqual([]);
  });

  it("of a one-day period stand in the middle", () => {
    expect(skillPoints([{ day: "2026-03-01", mean: 50 }], ["2026-03-01"], BOX)).toEqual([{ x: 50, y: 50 }]);
  });
});

describe("calibration points", () => {
  it("leave out empty bands and run in order of prediction", () => {
    const points = calibrationPoints(
      [
        { bin: 9, reviews: 10, predicted: 0.9, actual: 0.8 },
        { bin: 1, reviews: 0 },
        { bin: 4, reviews: 3, predicted: 0.45, actual: 0.6 },
      ],
      BOX,
    );
    expect(points.map(({ x, y, bin }) => [bin.bin, x, y])).toEqual([
      [4, 45, 40],
      [9, 90, 20],
    ]);
  });
});

describe("an empty board", () => {
  const skills = ["vocabulary", "grammar"].map((skill) => ({ skill, level: null, trend: null }));

  it("is a new learner's: no days, no skill levels, no recall, no weak areas", () => {
    expect(isEmptyBoard({ days: [], skills, retention: { reviews: 0, calibration: [] } })).toBe(true);
    expect(isEmptyBoard({})).toBe(true);
  });

  it("is not one with any activity, skill level, review or weak area", () => {
    expect(isEmptyBoard({ days: [{ day: "2026-03-01" }] })).toBe(false);
    expect(isEmptyBoard({ skills: [{ skill: "grammar", level: 40 }] })).toBe(false);
    expect(isEmptyBoard({ retention: { reviews: 3 } })).toBe(false);
    expect(isEmptyBoard({ missed_words: [{ key: "cuenta", language: "es", times: 2 }] })).toBe(false);
  });
});
