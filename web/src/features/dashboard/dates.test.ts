import { describe, expect, it } from "vitest";

import { addDays, axisIndices, dayLabel, daysBetween, dayWithYear, fillDays, periodDays, utcDay } from "./dates";

describe("days", () => {
  it("are UTC days, whatever the hour", () => {
    expect(utcDay(new Date("2026-03-05T23:30:00-05:00"))).toBe("2026-03-06");
  });

  it("step across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2025-12-30", "2026-01-02")).toBe(3);
  });

  it("of a period run oldest first and end on its last day", () => {
    expect(periodDays("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(periodDays("2026-03-02", 0)).toEqual([]);
  });

  it("without activity are filled in as empty, and rows outside the period left out", () => {
    const rows = [
      { day: "2026-03-01", minutes: 12 },
      { day: "2026-01-01", minutes: 99 },
    ];
    expect(fillDays(["2026-02-28", "2026-03-01"], rows, (day) => ({ day, minutes: 0 }))).toEqual([
      { day: "2026-02-28", minutes: 0 },
      { day: "2026-03-01", minutes: 12 },
    ]);
  });
});

describe("day labels", () => {
  it("are short, in the reader's language, and name the UTC day counted", () => {
    expect(dayLabel("2026-03-05", "en")).toBe("Mar 5");
    expect(dayLabel("2026-03-05", "es")).toBe("5 mar");
  });

  it("carry the year in tables", () => {
    expect(dayWithYear("2026-03-05", "en")).toBe("Mar 5, 2026");
  });

  it("name the first, middle and last day of an axis", () => {
    expect(axisIndices(30)).toEqual([0, 14, 29]);
    expect(axisIndices(7)).toEqual([0, 3, 6]);
    expect(axisIndices(2)).toEqual([0, 1]);
    expect(axisIndices(1)).toEqual([0]);
    expect(axisIndices(0)).toEqual([]);
  });
});
