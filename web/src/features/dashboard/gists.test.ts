import { describe, expect, it } from "vitest";

import { barsGist, busiest, calibrationGist, calibrationMeans, retentionGist, skillGist } from "./gists";

describe("a bar chart's gist", () => {
  const rows = [
    { day: "2026-03-04", value: 10 },
    { day: "2026-03-05", value: 25 },
    { day: "2026-03-06", value: 25 },
  ];

  it("finds the total and the first day with the most", () => {
    expect(busiest(rows)).toEqual({ total: 60, top: rows[1] });
    expect(busiest([{ day: "2026-03-04", value: 0 }])).toEqual({ total: 0, top: null });
  });

  it("states the period, the total and the busiest day", () => {
    expect(barsGist("dashboard.metric.minutes", rows, "en")).toBe("Minutes per day over the last 3 days: 60 in total, the most on Mar 5 (25).");
  });

  it("says when there is nothing yet", () => {
    expect(barsGist("dashboard.metric.xp", [{ day: "2026-03-04", value: 0 }], "es")).toBe("XP por día en los últimos 1 días: nada todavía.");
  });
});

describe("a skill chart's gist", () => {
  it("states the range of scores and how many days had data", () => {
    const days = [
      { day: "2026-03-04", mean: 62.5, samples: 2 },
      { day: "2026-03-06", mean: 80, samples: 1 },
    ];
    expect(skillGist("Grammar", days, 30, "en")).toBe("Grammar over the last 30 days, out of 100: lowest 62.5, highest 80; days with data: 2.");
  });

  it("says there is no data", () => {
    expect(skillGist("Escritura", [], 7, "es")).toBe("Escritura: sin datos en los últimos 7 días.");
  });
});

describe("calibration", () => {
  const bins = [
    { bin: 9, reviews: 300, predicted: 0.95, actual: 0.9 },
    { bin: 5, reviews: 100, predicted: 0.55, actual: 0.7 },
    { bin: 2, reviews: 0 },
  ];

  it("weights each band's recall by its reviews", () => {
    const means = calibrationMeans(bins);
    expect(means?.reviews).toBe(400);
    expect(means?.predicted).toBeCloseTo(0.85);
    expect(means?.actual).toBeCloseTo(0.85);
  });

  it("has no means without reviews", () => {
    expect(calibrationMeans([])).toBeNull();
    expect(calibrationMeans([{ bin: 3 }])).toBeNull();
  });

  it("states the recall predicted and the recall found", () => {
    expect(calibrationGist([{ bin: 8, reviews: 1200, predicted: 0.85, actual: 0.78 }], "en")).toBe(
      "Across your reviews of learned cards (1,200 in all), you recalled 78% on average where 85% was predicted.",
    );
    expect(calibrationGist([], "en")).toBe("Not enough reviews yet to compare predicted recall with what you recalled.");
  });
});

describe("the retention gist", () => {
  it("sets true retention against the target", () => {
    expect(retentionGist(0.86, 42, 0.9, 30, "en")).toBe(
      "In the last 30 days you recalled 86% of your reviews of learned cards (42 in all); your target is 90%.",
    );
  });

  it("leaves the target out when it is not known", () => {
    expect(retentionGist(0.5, 2, null, 7, "en")).toBe("In the last 7 days you recalled 50% of your reviews of learned cards (2 in all).");
  });
});
