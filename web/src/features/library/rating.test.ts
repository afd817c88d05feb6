import { describe, expect, it } from "vitest";

import { draftOf, emptyDraft, ratingBody, REVIEW_MAX, validateRating, withScore, type RatingDraft } from "./rating";
import type { Rating } from "./types";

function complete(): RatingDraft {
  let draft = emptyDraft();
  for (const [score, stars] of [
    ["overall", 4],
    ["cultural_authenticity", 5],
    ["difficulty_accuracy", 3],
    ["engagement", 4],
    ["learning_effectiveness", 2],
  ] as const) {
    draft = withScore(draft, score, stars);
  }
  return draft;
}

describe("the rating form", () => {
  it("asks for the overall stars and all four dimensions before it can be sent", () => {
    expect(validateRating(emptyDraft())).toEqual({
      overall: "missing",
      cultural_authenticity: "missing",
      difficulty_accuracy: "missing",
      engagement: "missing",
      learning_effectiveness: "missing",
    });
    expect(ratingBody(emptyDraft())).toBeNull();
  });

  it("names only the scores still missing", () => {
    const draft = withScore(emptyDraft(), "overall", 5);
    expect(Object.keys(validateRating(draft))).toEqual(["cultural_authenticity", "difficulty_accuracy", "engagement", "learning_effectiveness"]);
  });

  it("refuses a score outside 1 to 5 or not a whole number", () => {
    expect(validateRating(withScore(complete(), "engagement", 6))).toEqual({ engagement: "outOfRange" });
    expect(validateRating(withScore(complete(), "overall", 0))).toEqual({ overall: "outOfRange" });
    expect(validateRating(withScore(complete(), "overall", 2.5))).toEqual({ overall: "outOfRange" });
  });

  it("takes a review of up to 2,000 characters and refuses a longer one", () => {
    expect(validateRating({ ...complete(), review: "x".repeat(REVIEW_MAX) })).toEqual({});
    expect(validateRating({ ...complete(), review: "x".repeat(REVIEW_MAX + 1) })).toEqual({ review: "tooLong" });
  });

  it("sends the overall stars, the four dimensions and the trimmed review", () => {
    expect(ratingBody({ ...complete(), review: "  Very real.  " })).toEqual({
      overall: 4,
      dimensions: { cultural_authenticity: 5, difficulty_accuracy: 3, engagement: 4, learning_effectiveness: 2 },
      review: "Very real.",
    });
  });

  it("sends a review of only spaces as no review", () => {
    expect(ratingBody({ ...complete(), review: "   " })?.review).toBe("");
  });

  it("starts from the learner's saved rating when there is one", () => {
    const saved: Rating = {
      id: "r1",
      scenario_id: "ordering-food",
      overall: 3,
      dimensions: { cultural_authenticity: 2, difficulty_accuracy: 4, engagement: 3, learning_effectiveness: 5 },
      review: "Good",
      created_at: "2026-06-01T00:00:00Z",
      updated_at: "2026-06-02T00:00:00Z",
    };
    expect(draftOf(saved)).toEqual({
      scores: { overall: 3, cultural_authenticity: 2, difficulty_accuracy: 4, engagement: 3, learning_effectiveness: 5 },
      review: "Good",
    });
  });
});
