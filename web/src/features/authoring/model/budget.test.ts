import { describe, expect, it } from "vitest";

import { alertText, crossedThreshold, formOf, meterOf, money, nextThreshold, percent, settingsBody, settingsChanged } from "./budget";

const thresholds = [50, 75, 90, 100];

describe("the alert level in words", () => {
  it("names the level and the next alert while under the first", () => {
    expect(alertText({ level: "green", percent_used: 12.5, thresholds }, "en")).toBe("Alert level: Green. Your next alert comes at 50% of your limit.");
  });

  it("names the threshold passed once past one", () => {
    expect(alertText({ level: "yellow", percent_used: 60, thresholds }, "en")).toBe("Alert level: Yellow. You have used 50% of your limit or more.");
    expect(alertText({ level: "red", percent_used: 95, thresholds }, "en")).toBe("Alert level: Red. You have used 90% of your limit or more.");
    expect(alertText({ level: "critical", percent_used: 130, thresholds }, "es")).toBe("Nivel de alerta: Crítico. Has usado el 100 % de tu límite o más.");
  });

  it("stays calm when no alerts are set", () => {
    expect(alertText({ level: "green", percent_used: 80, thresholds: [] }, "en")).toBe("Alert level: Green. You are well within your limit.");
  });

  it("finds the thresholds around a share, whatever their order", () => {
    expect(crossedThreshold(80, [90, 50, 75])).toBe(75);
    expect(crossedThreshold(10, thresholds)).toBeNull();
    expect(nextThreshold(80, [90, 50, 75])).toBe(90);
    expect(nextThreshold(120, thresholds)).toBeNull();
  });
});

describe("amounts", () => {
  it("are written as each language writes money and shares", () => {
    expect(money(3.5, "en")).toBe("$3.50");
    expect(money(3.5, "es")).toMatch(/^3,50\s?US\$$/);
    expect(percent(12.34, "en")).toBe("12.3%");
    expect(percent(12.34, "es")).toMatch(/^12,3\s%$/);
  });

  it("keep a cent's fractions visible, so a tiny call does not read as free", () => {
    expect(money(0.0042, "en")).toBe("$0.0042");
  });
});

describe("the meter", () => {
  it("fills up to the limit and no further, with its zones at the alert thresholds", () => {
    expect(meterOf({ percent_used: 130, thresholds })).toEqual({ value: 100, low: 50, high: 90 });
    expect(meterOf({ percent_used: -1, thresholds: [] })).toEqual({ value: 0, low: 50, high: 90 });
  });
});

describe("the settings form", () => {
  const budget = { limit_usd: 30, period: "monthly", custom_days: 0 };

  it("starts from the stored settings and sends nothing new when untouched", () => {
    const form = formOf(budget);
    expect(form).toEqual({ limit: "30", period: "monthly", customDays: "" });
    expect(settingsChanged(budget, form)).toBe(false);
    expect(settingsBody(form)).toEqual({ limit_usd: 30, period: "monthly", custom_days: 0 });
  });

  it("sends the days only for a custom period", () => {
    expect(settingsBody({ limit: "12.5", period: "custom", customDays: "14" })).toEqual({ limit_usd: 12.5, period: "custom", custom_days: 14 });
    expect(settingsBody({ limit: "12.5", period: "weekly", customDays: "14" }).custom_days).toBe(0);
  });

  it("sends a blank limit as null, so the API names the field", () => {
    expect(JSON.parse(JSON.stringify(settingsBody({ limit: " ", period: "daily", customDays: "" }))).limit_usd).toBeNull();
  });

  it("sees a change of limit, of period, or of a custom period's days", () => {
    expect(settingsChanged(budget, { limit: "25", period: "monthly", customDays: "" })).toBe(true);
    expect(settingsChanged(budget, { limit: "30", period: "weekly", customDays: "" })).toBe(true);
    expect(settingsChanged({ limit_usd: 30, period: "custom", custom_days: 7 }, { limit: "30", period: "custom", customDays: "10" })).toBe(true);
  });
});
