import { describe, expect, it } from "vitest";

import { formatNumber, formatPercent, formatSigned, pluralForm, trendOf } from "./format";

// Intl separates a percentage from its sign with a no-break space in Spanish.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("numbers", () => {
  it("group thousands and keep at most one decimal, in the reader's language", () => {
    expect(formatNumber(12345.67, "en")).toBe("12,345.7");
    expect(plain(formatNumber(12345.67, "es"))).toBe("12.345,7");
  });

  it("show shares as whole percentages", () => {
    expect(formatPercent(0.854, "en")).toBe("85%");
    expect(plain(formatPercent(0.9, "es"))).toBe("90 %");
    expect(formatPercent(0, "en")).toBe("0%");
  });

  it("show a change with its sign, and no sign for no change", () => {
    expect(formatSigned(12.5, "en")).toBe("+12.5");
    expect(formatSigned(-3, "en")).toBe("-3");
    expect(formatSigned(0, "en")).toBe("0");
  });

  it("pick the singular only for one", () => {
    expect(pluralForm(1, "en")).toBe("one");
    expect(pluralForm(0, "en")).toBe("other");
    expect(pluralForm(2, "es")).toBe("other");
  });
});

describe("a skill's trend", () => {
  it("goes up or down by its size in points", () => {
    expect(trendOf(3.2)).toEqual({ kind: "up", points: 3.2 });
    expect(trendOf(-4)).toEqual({ kind: "down", points: 4 });
  });

  it("is steady under half a point either way", () => {
    expect(trendOf(0.4)).toEqual({ kind: "flat" });
    expect(trendOf(-0.4)).toEqual({ kind: "flat" });
    expect(trendOf(0)).toEqual({ kind: "flat" });
  });

  it("is none when the API has no trend (null)", () => {
    expect(trendOf(null)).toEqual({ kind: "none" });
    expect(trendOf(undefined)).toEqual({ kind: "none" });
  });
});
