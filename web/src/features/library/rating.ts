// The rating form's rules: the overall stars and the four dimensions the API asks for, each 1 to 5,
// and an optional review of at most 2,000 characters.
import type { Rating, RatingBody } from "./types";

export const DIMENSIONS = ["cultural_authenticity", "difficulty_accuracy", "engagement", "learning_effectiveness"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Every score the form asks for: the overall one first. */
export type Score = "overall" | Dimension;
export const SCORES: Score[] = ["overall", ...DIMENSIONS];

export const STARS = [1, 2, 3, 4, 5] as const;
export const REVIEW_MAX = 2000;

/** What the learner has filled in so far: a score is null until chosen. */
export interface RatingDraft {
  scores: Record<Score, number | null>;
  review: string;
}

export type RatingProblem = "missing" | "outOfRange" | "tooLong";
export type RatingProblems = Partial<Record<Score | "review", RatingProblem>>;

export function emptyDraft(): RatingDraft {
  return {
    scores: { overall: null, cultural_authenticity: null, difficulty_accuracy: null, engagement: null, learning_effectiveness: null },
    review: "",
  };
}

/** The learner's saved rating, ready to be edited. */
export function draftOf(rating: Rating): RatingDraft {
  return { scores: { overall: rating.overall, ...rating.dimensions }, review: rating.review ?? "" };
}

export function withScore(draft: RatingDraft, score: Score, stars: number): RatingDraft {
  return { ...draft, scores: { ...draft.scores, [score]: stars } };
}

function scoreProblem(value: number | null): RatingProblem | undefined {
  if (value === null) return "missing";
  if (!Number.isInteger(value) || value < 1 || value > 5) return "outOfRange";
  return undefined;
}

/** What is wrong with the draft, per field; empty when it can be sent. */
export function validateRating(draft: RatingDraft): RatingProblems {
  const problems: RatingProblems = {};
  for (const score of SCORES) {
    const problem = scoreProblem(draft.scores[score]);
    if (problem) problems[score] = problem;
  }
  if (draft.review.length > REVIEW_MAX) problems.review = "tooLong";
  return problems;
}

/** The body of PUT /scenarios/{id}/ratings, or null while the draft is not valid. A review of
 * only spaces is no review. */
export function ratingBody(draft: RatingDraft): RatingBody | null {
  if (Object.keys(validateRating(draft)).length > 0) return null;
  const score = (name: Score) => draft.scores[name] as number;
  return {
    overall: score("overall"),
    dimensions: {
      cultural_authenticity: score("cultural_authenticity"),
      difficulty_accuracy: score("difficulty_accuracy"),
      engagement: score("engagement"),
      learning_effectiveness: score("learning_effectiveness"),
    },
    review: draft.review.trim(),
  };
}
