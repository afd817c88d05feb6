import { describe, expect, it } from "vitest";

import { card, intervals, timedCard } from "./fixtures";
import { intervalFor, intervalLabel, intervalParts } from "./intervals";
import { RATINGS, withIntervals } from "./model";

describe("an interval", () => {
  it("under a minute is told as less than a minute", () => {
    expect(intervalParts(0)).toEqual({ unit: "lessThanMinute", value: 1 });
    expect(intervalParts(59)).toEqual({ unit: "lessThanMinute", value: 1 });
  });

  it("is told in whole minutes, hours and days", () => {
    expect(intervalParts(600)).toEqual({ unit: "minutes", value: 10 });
    expect(intervalParts(5 * 3600 + 600)).toEqual({ unit: "hours", value: 5 });
    expect(intervalParts(3 * 86400 + 3600)).toEqual({ unit: "days", value: 3 });
  });

  it("is told in months and years to a tenth", () => {
    expect(intervalParts(45 * 86400)).toEqual({ unit: "months", value: 1.5 });
    expect(intervalParts(438 * 86400)).toEqual({ unit: "years", value: 1.2 });
  });

  it("that rounds up to the next unit is told in that unit", () => {
    expect(intervalParts(3599)).toEqual({ unit: "hours", value: 1 });
    expect(intervalParts(86399)).toEqual({ unit: "days", value: 1 });
    expect(intervalParts(29.6 * 86400)).toEqual({ unit: "months", value: 1 });
  });

  it("reads short, with the language's decimal mark", () => {
    expect(intervalLabel(600, "en")).toBe("10 min");
    expect(intervalLabel(3 * 86400, "en")).toBe("3 d");
    expect(intervalLabel(45 * 86400, "en")).toBe("1.5 mo");
    expect(intervalLabel(45 * 86400, "es")).toBe("1,5 m.");
    expect(intervalLabel(30, "es")).toBe("< 1 min");
  });

  it("is found for a rating in the card itself, and is missing when the API gave the card none", () => {
    const timed = timedCard("a", 60, 600, 86400, 4 * 86400);
    expect(RATINGS.map((rating) => intervalFor(timed, rating)?.seconds)).toEqual([60, 600, 86400, 4 * 86400]);
    expect(intervalFor(card("a"), "good")).toBeNull();
  });

  it("given beside its card by the server's pick is carried by that card", () => {
    expect(intervalFor(withIntervals(card("a"), intervals(60, 600, 86400, 4 * 86400)), "easy")?.seconds).toBe(4 * 86400);
    expect(withIntervals(card("a"), [])).toEqual(card("a"));
  });
});
