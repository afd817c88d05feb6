import { describe, expect, it } from "vitest";

import { bars, linear, linePath, niceMax, slotCentre, type Box } from "./scale";

const BOX: Box = { left: 10, top: 0, width: 100, height: 50 };

describe("an axis's top", () => {
  it("is a round number at or above the largest value", () => {
    expect(niceMax(7)).toBe(8);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(12)).toBe(15);
    expect(niceMax(31)).toBe(40);
    expect(niceMax(101)).toBe(150);
    expect(niceMax(0.3)).toBeCloseTo(0.3);
  });

  it("is 1 for a series of zeros or no values, so nothing divides by zero", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-Infinity)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});

describe("a linear scale", () => {
  it("maps the domain's ends onto the range's ends, and between them in proportion", () => {
    const y = linear([0, 100], [50, 0]);
    expect(y(0)).toBe(50);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(37.5);
  });

  it("puts the single value of a one-point domain in the middle of the range", () => {
    const x = linear([0, 0], [10, 110]);
    expect(x(0)).toBe(60);
  });
});

describe("bars", () => {
  it("stand on the base line, as tall as their share of the top", () => {
    const [low, high] = bars([5, 10], BOX, 10);
    expect(low).toEqual({ x: 15, y: 25, width: 40, height: 25 });
    expect(high).toEqual({ x: 65, y: 0, width: 40, height: 50 });
  });

  it("of an all-zero series are flat, not missing", () => {
    const shapes = bars([0, 0, 0], BOX);
    expect(shapes).toHaveLength(3);
    expect(shapes.every((bar) => bar.height === 0 && bar.y === 50)).toBe(true);
  });

  it("show a tiny non-zero value at least one unit tall", () => {
    const [tiny] = bars([1, 1000], BOX, 1000);
    expect(tiny.height).toBe(1);
  });

  it("fill the whole width without gaps when there are too many to space", () => {
    const shapes = bars(Array(90).fill(1), { ...BOX, width: 270 });
    expect(shapes[0].width).toBe(3);
    expect(shapes[1].x).toBe(shapes[0].x + 3);
  });

  it("are none for no values", () => {
    expect(bars([], BOX)).toEqual([]);
  });

  it("centre under their slot, where a day's label goes", () => {
    expect(slotCentre(0, 2, BOX)).toBe(35);
    expect(slotCentre(1, 2, BOX)).toBe(85);
  });
});

describe("a line's path", () => {
  it("moves to the first point and draws to each next one", () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5.04, y: 2 }, { x: 10, y: 0 }])).toBe("M0 10 L5 2 L10 0");
  });

  it("is a bare move for a single point (its marker shows it)", () => {
    expect(linePath([{ x: 3, y: 4 }])).toBe("M3 4");
  });

  it("is empty for no points", () => {
    expect(linePath([])).toBe("");
  });
});
