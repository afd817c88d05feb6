import { describe, expect, it } from "vitest";

import { fromDiscovered, fromRecommended, fromSummary, fromTagged, ratingText, scenarioHref } from "./cards";

const found = { scenario_id: "cafe-order", title: "Ordering coffee", category: "restaurant", difficulty: "beginner", score: 3, ratings: 12, mean_rating: 4.26 };

function tagged(overrides: object = {}, item: object = {}) {
  return {
    ref: { kind: "scenario", id: "cafe-order" },
    mine: false,
    item: { ref: { kind: "scenario", id: "cafe-order" }, titles: { es: "Pedir un café", en: "Ordering coffee" }, category: "restaurant", difficulty: "beginner", languages: ["es", "en"], ...item },
    ...overrides,
  };
}

describe("a scenario card", () => {
  it("carries a listed scenario's rating", () => {
    expect(fromDiscovered(found)).toEqual({ id: "cafe-order", title: "Ordering coffee", category: "restaurant", difficulty: "beginner", rating: { mean: 4.26, count: 12 } });
  });

  it("carries a recommendation's reason", () => {
    const card = fromRecommended({ scenario: found, reason: "popular with learners of this language", reason_code: "popular" });
    expect(card.why).toEqual({ reason: "popular with learners of this language", reason_code: "popular" });
  });

  it("has no rating when the list gives none, so the card shows none", () => {
    const summary = { id: "x", title: "T", category: "travel", difficulty: "advanced", description: "", author: "system", estimated_minutes: 5, language: "es", languages: ["es"], visibility: "public" };
    expect(fromSummary(summary).rating).toBeUndefined();
  });

  it("titles a tagged scenario in the list's language, else in its first", () => {
    expect(fromTagged(tagged(), "en")?.title).toBe("Ordering coffee");
    expect(fromTagged(tagged(), "fr")?.title).toBe("Pedir un café");
  });

  it("leaves out what is not a scenario one can open", () => {
    expect(fromTagged(tagged({ ref: { kind: "document", id: "d1" } }), "es")).toBeNull();
    expect(fromTagged(tagged({ removed: true }), "es")).toBeNull();
    expect(fromTagged(tagged({}, { removed: true }), "es")).toBeNull();
    expect(fromTagged(tagged({ item: null }), "es")).toBeNull();
    expect(fromTagged(tagged({}, { titles: {} }), "es")).toBeNull();
  });

  it("links to the scenario's page in the list's language", () => {
    expect(scenarioHref("cafe-order", "fr")).toBe("/scenarios/cafe-order?language=fr");
  });
});

describe("a rating line", () => {
  it("gives the mean with one decimal, written the interface language's way", () => {
    expect(ratingText({ mean: 4.26, count: 12 }, "en")).toBe("Rated 4.3 out of 5 (12 ratings)");
    expect(ratingText({ mean: 4.26, count: 12 }, "es")).toBe("Valoración: 4,3 de 5 (12 valoraciones)");
  });

  it("counts one rating in the singular", () => {
    expect(ratingText({ mean: 5, count: 1 }, "en")).toBe("Rated 5.0 out of 5 (1 rating)");
  });

  it("says nobody rated it yet rather than a mean of 0", () => {
    expect(ratingText({ mean: 0, count: 0 }, "en")).toBe("Not rated yet");
  });
});
